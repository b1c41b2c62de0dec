namespace Otc.Bench.ClientBench;

internal sealed record ScenarioResult(Scenario Scenario, int Calls, int Concurrency, TimeSpan Elapsed, double MeanMicros, double P50Micros, double P99Micros)
{
    public double RequestsPerSecond => Calls / Elapsed.TotalSeconds;

    public static ScenarioResult From(Scenario scenario, int concurrency, List<double> latencies, TimeSpan elapsed)
    {
        latencies.Sort();
        return new ScenarioResult(
            scenario,
            latencies.Count,
            concurrency,
            elapsed,
            latencies.Average(),
            latencies[latencies.Count / 2],
            latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))]);
    }
}
