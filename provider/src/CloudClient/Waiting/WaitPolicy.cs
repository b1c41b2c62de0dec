namespace Otc.CloudClient;

/// <summary>Polling cadence: start short (fast operations finish quickly), grow by <see cref="Factor"/>, never beyond <see cref="MaxDelay"/>.</summary>
public sealed class WaitPolicy
{
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    public double Factor { get; init; } = 1.5;

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);
}
