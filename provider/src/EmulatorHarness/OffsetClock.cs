namespace Otc.EmulatorHarness;

/// <summary>
/// Real time plus an offset that only moves forward when told: an in-process emulator on this clock still runs its
/// lifecycle in real time for a provider process, and a test can move its timestamps on without sleeping.
/// </summary>
public sealed class OffsetClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override long GetTimestamp() => System.GetTimestamp() + (long)(Offset.TotalSeconds * System.TimestampFrequency);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
