using System.Collections.Concurrent;

namespace Otc.CloudClient;

/// <summary>
/// The one status poller of a client (<see cref="IVpcepClient.Statuses"/>, so one per provider process): every wait
/// made through <see cref="ServiceWaiter"/> or <see cref="EndpointWaiter"/> registers the resource it waits on here,
/// and each tick reads the statuses of all pending resources of a kind with one list call instead of one read per
/// resource. A single wait is read by id, as before. See <see cref="KindPoller{T}"/> for the rules and fallbacks.
/// </summary>
public sealed class StatusPoller : IDisposable
{
    private readonly IVpcepClient _client;
    private readonly TimeProvider _clock;
    private readonly Action<string>? _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<object, IKindPoller> _kinds = new();

    /// <param name="client">The client whose get and list calls the poller makes.</param>
    /// <param name="clock">Times the reads; the system clock by default.</param>
    /// <param name="log">Receives the poller's decisions (a list refused or failed); never a secret.</param>
    public StatusPoller(IVpcepClient client, TimeProvider? clock = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _clock = clock ?? TimeProvider.System;
        _log = log;
    }

    internal TimeProvider Clock => _clock;

    /// <summary>The poller of one kind, made on first use.</summary>
    internal KindPoller<T> For<T>(PolledKind<T> kind)
        where T : class
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        return (KindPoller<T>)_kinds.GetOrAdd(kind, _ => new KindPoller<T>(_client, kind, _clock, _log, _stopping.Token));
    }

    /// <summary>Stops polling; waits still pending end with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        foreach (var kind in _kinds.Values)
        {
            kind.Stop();
        }

        // The source is not disposed: a loop that is just waking may still read its token; it holds no timer.
    }
}
