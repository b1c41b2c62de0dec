using System.Runtime.ExceptionServices;

namespace Otc.CloudClient;

/// <summary>
/// One wait's place at its <see cref="KindPoller{T}"/>: when its own next read is due, and the reads handed to it.
/// A read made for other waits (a list) is handed over only when it shows a status other than the last one handed
/// over, or when this wait's own read was due anyway; otherwise it just moves this wait's next read one interval on.
/// Disposing the watch leaves the poller and cancels a read made for this wait alone; other waits do not notice.
/// </summary>
/// <remarks>All state is guarded by the kind poller's lock; members named <c>...Locked</c> expect it to be held.</remarks>
internal sealed class StatusWatch<T> : IDisposable
    where T : class
{
    private const string GoneStatus = "\u0000gone";

    private readonly KindPoller<T> _owner;
    private readonly TimeProvider _clock;
    private readonly long _created;
    private readonly CancellationTokenSource _lifetime = new();
    private TaskCompletionSource<Observation<T>>? _waiter;
    private Observation<T>? _undelivered;
    private Exception? _failure;
    private string? _deliveredStatus;
    private long _lastReadAt;
    private TimeSpan _interval;
    private bool _disposed;

    public StatusWatch(KindPoller<T> owner, TimeProvider clock, string id, bool awaitsDeletion, TimeSpan timeout, TimeSpan interval, T? current, bool readFirst)
    {
        _owner = owner;
        _clock = clock;
        Id = id;
        AwaitsDeletion = awaitsDeletion;
        _created = clock.GetTimestamp();
        _lastReadAt = _created;
        _interval = interval;
        Deadline = SaturatingAdd(_created, timeout);
        LastSeen = current;
        _deliveredStatus = current is null ? null : owner.Kind.StatusOf(current) ?? "";
        // A resource that was just read or changed (the answer of a create, a delete just sent) is read after one interval.
        Due = readFirst ? _created : Math.Min(SaturatingAdd(_created, interval), Deadline);
    }

    public string Id { get; }

    /// <summary>True when the wait ends at the 404; such waits alone may use the kind's deleting-status list filter.</summary>
    public bool AwaitsDeletion { get; }

    /// <summary>The last resource read, by any read: what a timeout reports.</summary>
    public T? LastSeen { get; private set; }

    public TimeSpan Elapsed => _clock.GetElapsedTime(_created);

    /// <summary>When this wait's own next read is due; <see cref="long.MaxValue"/> while its waiter handles the last one.</summary>
    internal long Due { get; private set; }

    internal long Deadline { get; }

    /// <summary>Cancelled when the wait ends: a read made for this wait alone is abandoned.</summary>
    internal CancellationToken Lifetime => _lifetime.Token;

    /// <summary>The next read handed to this wait: its own scheduled read, or an earlier one that showed a new status.</summary>
    public async Task<Observation<T>> NextAsync(CancellationToken ct)
    {
        TaskCompletionSource<Observation<T>> next;
        lock (_owner.Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_failure is { } failure)
            {
                _failure = null;
                ExceptionDispatchInfo.Throw(failure);
            }

            if (_undelivered is { } ready)
            {
                _undelivered = null;
                return ready;
            }

            next = _waiter = new TaskCompletionSource<Observation<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        using var registration = ct.Register(static (state, token) => ((TaskCompletionSource<Observation<T>>)state!).TrySetCanceled(token), next);
        return await next.Task.ConfigureAwait(false);
    }

    /// <summary>Asks for the next own read <paramref name="interval"/> after the last read, never past the deadline.</summary>
    /// <returns>False when the deadline has passed: the wait is over.</returns>
    public bool ScheduleNext(TimeSpan interval)
    {
        lock (_owner.Gate)
        {
            if (_clock.GetTimestamp() >= Deadline)
            {
                return false;
            }

            _interval = interval;
            Due = Math.Min(SaturatingAdd(_lastReadAt, interval), Deadline);
            _owner.WakeForLocked(Due);
            return true;
        }
    }

    /// <summary>Due now, or so soon (within a tenth of its interval) that it may share the read being made now.</summary>
    internal bool IsDueLocked(long now) => Due != long.MaxValue && Due - now <= Ticks(_interval) / 10;

    /// <summary>Takes a read of this resource; <paramref name="scheduled"/> when it was made because this wait was due.</summary>
    internal void ObserveLocked(Observation<T> seen, bool scheduled)
    {
        if (_disposed || seen.ReadAt < _lastReadAt)
        {
            // An older read finishing after a newer one says nothing new.
            return;
        }

        _lastReadAt = seen.ReadAt;
        LastSeen = seen.Resource ?? LastSeen;
        var status = seen.Resource is { } resource ? _owner.Kind.StatusOf(resource) ?? "" : GoneStatus;
        if (scheduled || !string.Equals(status, _deliveredStatus, StringComparison.OrdinalIgnoreCase))
        {
            _deliveredStatus = status;
            HandOverLocked(seen, null);
        }
        else if (Due != long.MaxValue)
        {
            Due = Math.Min(SaturatingAdd(seen.ReadAt, _interval), Deadline);
        }
    }

    /// <summary>This wait's own read failed: its waiter sees the error, as it would have calling the API itself.</summary>
    internal void FailLocked(Exception failure)
    {
        if (!_disposed)
        {
            HandOverLocked(null, failure);
        }
    }

    /// <summary>Gives the waiter a read or an error now, or keeps it for its next <see cref="NextAsync"/>; no own read is due until then.</summary>
    private void HandOverLocked(Observation<T>? seen, Exception? failure)
    {
        Due = long.MaxValue;
        if (_waiter is { } waiter)
        {
            _waiter = null;
            _ = failure is null ? waiter.TrySetResult(seen!.Value) : waiter.TrySetException(failure);
        }
        else
        {
            _undelivered = seen;
            _failure = failure;
        }
    }

    public void Dispose()
    {
        lock (_owner.Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _waiter?.TrySetCanceled();
            _waiter = null;
            _owner.RemoveLocked(this);
        }

        // Not disposed: a read that is still starting may link to the token, and a cancelled source holds no timer.
        _lifetime.Cancel();
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TimestampFrequency);

    private long SaturatingAdd(long timestamp, TimeSpan span)
    {
        var ticks = span >= TimeSpan.FromDays(3650) ? long.MaxValue / 2 : Ticks(span);
        return timestamp > long.MaxValue - ticks ? long.MaxValue - 1 : timestamp + ticks;
    }
}
