namespace Otc.CloudClient;

/// <summary>One read of a wait, reported each time the wait is handed a read (its own, or another's that showed a new status).</summary>
/// <param name="ResourceId">The service or endpoint waited on.</param>
/// <param name="Status">The status read, or <c>deleted</c> once the resource answers 404.</param>
public sealed record WaitProgress(string ResourceId, string Status, TimeSpan Elapsed, int Attempt);
