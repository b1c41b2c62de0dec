using System.Diagnostics;
using Otc.Emulator;

namespace Otc.Bench.ClientBench;

/// <summary>
/// Times calls spread over workers. Scenarios are measured in interleaved rounds, so a burst of load from
/// elsewhere on the machine hits raw and client runs alike instead of skewing one of them.
/// </summary>
internal static class Runner
{
    public static async Task<List<ScenarioResult>> RunInRoundsAsync(IReadOnlyList<Scenario> scenarios, int calls, int concurrency, int rounds, RunningEmulator emulator)
    {
        var latencies = scenarios.ToDictionary(s => s, _ => new List<double>());
        var elapsed = scenarios.ToDictionary(s => s, _ => TimeSpan.Zero);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var scenario in scenarios)
            {
                var (roundLatencies, roundElapsed) = await MeasureAsync(scenario, calls / rounds, concurrency, emulator);
                latencies[scenario].AddRange(roundLatencies);
                elapsed[scenario] += roundElapsed;
            }
        }

        return [.. scenarios.Select(s => ScenarioResult.From(s, concurrency, latencies[s], elapsed[s]))];
    }

    public static async Task<(double[] Latencies, TimeSpan Elapsed)> MeasureAsync(Scenario scenario, int calls, int concurrency, RunningEmulator emulator)
    {
        var latencies = new double[calls];
        var next = -1;
        // The journal grows with every request; keep it from skewing long runs.
        emulator.Journal.Clear();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < calls)
            {
                var callStarted = Stopwatch.GetTimestamp();
                await scenario.Call(CancellationToken.None);
                latencies[index] = Stopwatch.GetElapsedTime(callStarted).TotalMicroseconds;
            }
        })));
        return (latencies, Stopwatch.GetElapsedTime(started));
    }
}
