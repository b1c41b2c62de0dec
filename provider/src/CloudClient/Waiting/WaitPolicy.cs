namespace Otc.CloudClient;

/// <summary>
/// Polling cadence of one wait: every <see cref="InitialDelay"/> for the first <see cref="SteadyFor"/> (creations and
/// deletions usually finish within a minute or two, and each is then seen at most one interval late), then growing by
/// <see cref="Factor"/> per poll, never beyond <see cref="MaxDelay"/>. Concurrent waits of one client share their reads
/// (<see cref="StatusPoller"/>), so a short interval costs one call per tick however many resources wait.
/// </summary>
public sealed class WaitPolicy
{
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the interval stays at <see cref="InitialDelay"/> before it starts to grow.</summary>
    public TimeSpan SteadyFor { get; init; } = TimeSpan.FromMinutes(2);

    public double Factor { get; init; } = 1.5;

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);
}
