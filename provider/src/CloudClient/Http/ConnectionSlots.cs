using System.Collections.Concurrent;

namespace Otc.CloudClient;

/// <summary>
/// At most <see cref="PerServer"/> requests of one client in flight to one server (scheme, host and port), and as
/// many pooled connections (<see cref="HttpFactory"/> gives the handler the same limit), so a burst of operations queues
/// here instead of opening hundreds of sockets that a gateway may refuse or reset past its per-client limit. A request
/// holds its slot only while it is on the wire: from sending until its answer is read.
/// </summary>
internal sealed class ConnectionSlots
{
    /// <summary>Enough for the documented 200 requests per second at 150 ms a call, with room to spare.</summary>
    public const int DefaultPerServer = 32;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _servers = new(StringComparer.OrdinalIgnoreCase);

    public ConnectionSlots(int perServer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perServer, 1);
        PerServer = perServer;
    }

    public int PerServer { get; }

    /// <summary>Waits for a free slot towards <paramref name="uri"/>'s server; dispose the result to give it back.</summary>
    public async ValueTask<IDisposable> TakeAsync(Uri uri, CancellationToken ct)
    {
        var gate = _servers.GetOrAdd(uri.GetLeftPart(UriPartial.Authority), _ => new SemaphoreSlim(PerServer, PerServer));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        return new Slot(gate);
    }

    /// <summary>Slots in use towards <paramref name="uri"/>'s server right now.</summary>
    public int InUse(Uri uri)
        => _servers.TryGetValue(uri.GetLeftPart(UriPartial.Authority), out var gate) ? PerServer - gate.CurrentCount : 0;

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
