namespace Otc.Emulator.Tests.Support;

/// <summary>Real time plus an offset the test moves forward, so lifecycle steps happen without sleeping.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
