namespace Otc.Bench.Startup;

/// <summary>Order statistics of a set of durations, in milliseconds.</summary>
internal sealed record Statistics(int Count, double Min, double Median, double P90, double Max, double Mean)
{
    public static Statistics Of(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Select(duration => duration.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no samples", nameof(durations));
        }

        return new Statistics(sorted.Length, sorted[0], Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted[^1], sorted.Average());
    }

    // Linear interpolation between closest ranks, so the median of an even count is the mean of the middle two.
    private static double Percentile(double[] sorted, double fraction)
    {
        var rank = fraction * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }
}
