using Otc.EmulatorHarness;

namespace Otc.Bench.StackBench;

/// <summary>One phase (create, update or delete of every service): wall time, outcome and the API calls it took.</summary>
internal sealed record PhaseResult(string Name, int Operations, int Failed, TimeSpan Wall, IReadOnlyList<ApiCall> Calls, IReadOnlyList<string> FirstErrors)
{
    public int Throttled => Calls.Count(call => call.Status == 429);

    /// <summary>Calls the emulator let through (the rate limit counts every request, but only these did work).</summary>
    public int Accepted => Calls.Count - Throttled;

    public double CallsPerOperation => Operations == 0 ? 0 : (double)Calls.Count / Operations;

    public double AcceptedPerOperation => Operations == 0 ? 0 : (double)Accepted / Operations;

    /// <summary>The least time the accepted calls need at the rate limit: how well the client paced the calls it made.</summary>
    public TimeSpan AcceptedCallsFloor(int ratePerSecond) => TimeSpan.FromSeconds((double)Accepted / ratePerSecond);

    /// <summary>
    /// The least time the phase can take at all: one call per operation (the POST, PUT or DELETE) at the rate limit, plus
    /// the time the cloud takes for the last one (<paramref name="lifecycle"/>: the create or delete delay).
    /// </summary>
    public TimeSpan OneCallFloor(int ratePerSecond, TimeSpan lifecycle) => TimeSpan.FromSeconds((double)Operations / ratePerSecond) + lifecycle;

    public string MethodBreakdown(int operations) => string.Join(", ", Calls
        .Where(call => call.Status != 429)
        .GroupBy(call => $"{call.Method} {Shape(call.Path)}")
        .OrderByDescending(group => group.Count())
        .Select(group => $"{group.Key} ×{(double)group.Count() / operations:0.##}"));

    /// <summary>The path with ids replaced, so calls of the same kind group together.</summary>
    private static string Shape(string path)
    {
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length >= 32)
            {
                parts[i] = i == 2 ? "{project}" : "{id}";
            }
        }

        return string.Join('/', parts);
    }
}
