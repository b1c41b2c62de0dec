namespace Otc.Emulator;

/// <summary>
/// TCP connections open to the emulator right now and at most since the last reset, counted by Kestrel's connection
/// middleware, so tests and benchmarks can see how many sockets a client opens in a burst (admin calls' own
/// connections included).
/// </summary>
public sealed class ConnectionCounter
{
    private readonly Lock _gate = new();
    private int _open;
    private int _peak;

    public int Open
    {
        get { lock (_gate) { return _open; } }
    }

    public int Peak
    {
        get { lock (_gate) { return _peak; } }
    }

    /// <summary>Starts a new high-water mark at the connections open now.</summary>
    public void ResetPeak()
    {
        lock (_gate)
        {
            _peak = _open;
        }
    }

    internal void Opened()
    {
        lock (_gate)
        {
            _open++;
            _peak = Math.Max(_peak, _open);
        }
    }

    internal void Closed()
    {
        lock (_gate)
        {
            _open--;
        }
    }
}
