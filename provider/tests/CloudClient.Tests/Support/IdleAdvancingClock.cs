using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Otc.CloudClient.Tests.Support;

/// <summary>
/// A fake clock for the client and the emulator together that moves only while the code under test waits for it. Once a
/// timer has been set (the status poller going to sleep) and everything else has settled (no work queued in the thread
/// pool, nobody reading the clock for a moment), time moves towards the earliest timer in small steps, so waits that
/// reschedule a little later still meet their tick. Reads and other real work take no clock time: a test of ticks and
/// lifecycle delays runs as fast as its calls, and counts the reads its timing implies.
/// </summary>
internal sealed class IdleAdvancingClock : FakeTimeProvider
{
    /// <summary>How long nobody may have read the clock before it moves: a continuation about to reschedule a wait reads it first.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(2);

    /// <summary>The largest single move; smaller than a tenth of the polling intervals used here, the poller's tolerance for sharing a tick.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _pending = [];
    private long _lastRead = Stopwatch.GetTimestamp();
    private bool _waitingForTime;

    public IdleAdvancingClock()
        : base(DateTimeOffset.UtcNow)
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        Volatile.Write(ref _lastRead, Stopwatch.GetTimestamp());
        return base.GetUtcNow();
    }

    public override long GetTimestamp()
    {
        Volatile.Write(ref _lastRead, Stopwatch.GetTimestamp());
        return base.GetTimestamp();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var tracked = new TrackedTimer(this);
        tracked.Inner = base.CreateTimer(
            firing =>
            {
                tracked.Fired();
                callback(firing);
            },
            state,
            dueTime,
            period);
        tracked.Schedule(dueTime);
        return tracked;
    }

    /// <summary>
    /// Runs <paramref name="work"/> to its end, moving the clock whenever the code under test waits for it.
    /// <paramref name="limit"/> is real time: the test fails instead of hanging if the work never ends.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> work, TimeSpan? limit = null)
    {
        await RunAsync((Task)work, limit);
        return await work;
    }

    /// <inheritdoc cref="RunAsync{T}(Task{T}, TimeSpan?)"/>
    public async Task RunAsync(Task work, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        await DriveAsync(() => work.IsCompleted, limit);
        await work;
    }

    /// <summary>Moves the clock as <see cref="RunAsync(Task, TimeSpan?)"/> does until <paramref name="condition"/> holds; it is checked before every move.</summary>
    public Task RunUntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return DriveAsync(condition, limit);
    }

    private async Task DriveAsync(Func<bool> done, TimeSpan? limit)
    {
        using var deadline = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        while (!done())
        {
            if (NextMove() is { } by)
            {
                Advance(by);
                continue;
            }

            // Nothing signals "settled", so it is looked at again after a moment of real time.
            await Task.Delay(TimeSpan.FromMilliseconds(1), deadline.Token);
        }
    }

    /// <summary>How far to move now: null while nothing waits for a timer, or while work is still going on.</summary>
    private TimeSpan? NextMove()
    {
        lock (_gate)
        {
            if (!_waitingForTime || _pending.Count == 0
                || ThreadPool.PendingWorkItemCount > 0
                || Stopwatch.GetElapsedTime(Volatile.Read(ref _lastRead)) < Quiet)
            {
                return null;
            }

            var untilNext = _pending.Min(timer => timer.DueAt) - base.GetUtcNow();
            return untilNext <= TimeSpan.Zero ? TimeSpan.Zero : untilNext < Step ? untilNext : Step;
        }
    }

    private void OnScheduled(TrackedTimer timer, DateTimeOffset? dueAt)
    {
        lock (_gate)
        {
            if (dueAt is { } due)
            {
                timer.DueAt = due;
                _pending.Add(timer);
                _waitingForTime = true;
            }
            else
            {
                _pending.Remove(timer);
            }
        }
    }

    /// <summary>A timer fired: the code it woke works until it sets its next timer, and the clock keeps still until then.</summary>
    private void OnFired(TrackedTimer timer)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
            _waitingForTime = false;
        }
    }

    private sealed class TrackedTimer(IdleAdvancingClock clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = Inner.Change(dueTime, period);
            Schedule(dueTime);
            return changed;
        }

        public void Schedule(TimeSpan dueTime) =>
            clock.OnScheduled(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime);

        /// <summary>One-shot timers (all the client sets) are no longer pending once they fire.</summary>
        public void Fired() => clock.OnFired(this);

        public void Dispose()
        {
            Inner.Dispose();
            clock.OnScheduled(this, null);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
