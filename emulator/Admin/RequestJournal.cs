namespace Otc.Emulator;

/// <summary>Every non-admin request in arrival order, so tests can assert which calls a client made.</summary>
public sealed class RequestJournal
{
    private readonly Lock _gate = new();
    private readonly SortedList<long, JournalEntry> _entries = [];
    private long _nextSequence;
    private int _inFlight;

    /// <summary>Completed requests, ordered by arrival (a request still running is not listed yet).</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Values];
            }
        }
    }

    /// <summary>Requests that have arrived and not yet been answered (or dropped); <see cref="Clear"/> leaves it alone.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Reserves the arrival position of a request that has just come in.</summary>
    internal long BeginRequest()
    {
        Interlocked.Increment(ref _inFlight);
        return Interlocked.Increment(ref _nextSequence);
    }

    internal void Complete(long sequence, JournalEntry entry)
    {
        lock (_gate)
        {
            _entries[sequence] = entry;
        }

        Interlocked.Decrement(ref _inFlight);
    }
}
