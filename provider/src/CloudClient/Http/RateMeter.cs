namespace Otc.CloudClient;

/// <summary>
/// Events per second over the last second, as a sliding-window counter: the previous one-second bucket weighted by how
/// much of it still lies within the last second, plus the current bucket. Not thread-safe; the owner locks.
/// </summary>
internal sealed class RateMeter(TimeProvider clock)
{
    private long _bucketStart;
    private int _current;
    private int _previous;

    public void Add(long now)
    {
        Roll(now);
        _current++;
    }

    public double PerSecond(long now)
    {
        Roll(now);
        var intoBucket = Math.Clamp(clock.GetElapsedTime(_bucketStart, now).TotalSeconds, 0, 1);
        return (_previous * (1 - intoBucket)) + _current;
    }

    private void Roll(long now)
    {
        var seconds = clock.GetElapsedTime(_bucketStart, now).TotalSeconds;
        if (seconds < 1)
        {
            return;
        }

        _previous = seconds < 2 ? _current : 0;
        _current = 0;
        _bucketStart = seconds < 2 ? _bucketStart + clock.TimestampFrequency : now;
    }
}
