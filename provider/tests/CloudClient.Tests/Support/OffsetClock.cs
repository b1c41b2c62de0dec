namespace Otc.CloudClient.Tests.Support;

/// <summary>The real clock plus an offset the test moves forward, so a long quiet spell passes without sleeping.</summary>
internal sealed class OffsetClock : TimeProvider
{
    private long _offsetTicks;

    public override long GetTimestamp() => base.GetTimestamp() + Interlocked.Read(ref _offsetTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, (long)(by.TotalSeconds * TimestampFrequency));
}
