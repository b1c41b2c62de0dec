namespace Otc.Bench.WaitLatency;

/// <summary>One create through its own provider process: how long the cloud took, and how long the Create took.</summary>
internal sealed record WaitSample(string Name, string Id, TimeSpan Creation, TimeSpan Took)
{
    /// <summary>How long after the service became available the Create returned (an upper bound: it includes Check, Diff and the POST).</summary>
    public TimeSpan PastAvailability => Took - Creation;
}
