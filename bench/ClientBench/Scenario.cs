namespace Otc.Bench.ClientBench;

/// <summary>One way of reading the same service: a name for the report and the call to time.</summary>
internal sealed record Scenario(string Name, string Auth, string Path, Func<CancellationToken, Task> Call);
