namespace Otc.CloudClient;

/// <summary>One poll's observation, reported after every read.</summary>
/// <param name="Status">The status read, or <c>deleted</c> once the service answers 404.</param>
public sealed record WaitProgress(string ServiceId, string Status, TimeSpan Elapsed, int Attempt);
