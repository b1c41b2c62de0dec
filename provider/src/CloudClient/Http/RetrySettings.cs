namespace Otc.CloudClient;

/// <summary>
/// Bounds of the retry loop: <see cref="MaxRetries"/> failures (5xx, timeouts, connection errors), and throttling for at
/// most <see cref="ThrottleBudget"/>. Backoff is exponential with full jitter: a random delay in [0, min(MaxDelay, BaseDelay·2^(n-1))].
/// </summary>
internal sealed record RetrySettings(int MaxRetries, TimeSpan AttemptTimeout)
{
    /// <summary>How long one call keeps retrying after its first throttling answer.</summary>
    public TimeSpan ThrottleBudget { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A server's <c>Retry-After</c> is honoured up to this much.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan BackoffFor(int failedAttempt)
    {
        var exponent = Math.Min(failedAttempt - 1, 20);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
