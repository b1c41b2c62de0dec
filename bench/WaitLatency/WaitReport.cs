using System.Globalization;
using System.Text;
using Otc.Bench.Support;
using Otc.EmulatorHarness;

namespace Otc.Bench.WaitLatency;

/// <summary>Writes <c>bench/results/wait-latency.md</c>: per creation time, how long past availability each Create returned and the calls it made.</summary>
internal static class WaitReport
{
    public static string Render(WaitOptions options, IReadOnlyList<WaitSample> samples, IReadOnlyList<ApiCall> journal)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("# Single-service wait latency");
        text.AppendLine();
        text.AppendLine(culture, $"Produced by `bench/WaitLatency` (`make bench`) on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Not a test: the numbers depend on the machine and its load.");
        text.AppendLine();
        text.AppendLine("## Set-up");
        text.AppendLine();
        text.AppendLine(culture, $"- Provider: `{options.Provider}`{(options.Label is null ? "" : $" ({options.Label})")}, the published Native AOT binary. Every sample is one service created through its OWN provider process (Check → Diff → Create, as the engine drives it), so each wait is a single wait.");
        text.AppendLine("- Emulator: one `otc-emulator` process on loopback, no rate limit; before each sample its create delay is set (`POST /__emulator/settings`) to the creation time, so the service becomes available exactly that long after its POST.");
        text.AppendLine(culture, $"- Creation times: {string.Join(", ", options.Delays.Select(d => $"{d} s"))}, each plus {string.Join(", ", options.Offsets.Select(o => $"{o} s"))}, so that availability falls at different points between two polls. The samples of one creation time run side by side.");
        text.AppendLine("- Past availability: the time the Up took, from before Check to the Create's answer, minus the creation time. It includes Check, Diff and the POST (each process is warmed up by a preview first, which makes no cloud call), so it slightly overstates the wait's own delay.");
        text.AppendLine("- Calls: every request the emulator journaled for the service (the POST, then the reads of its status).");
        text.AppendLine();
        text.AppendLine("| creation time | Create took | past availability | calls (POST + reads) | reads per second of waiting |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var sample in samples)
        {
            var (posts, reads) = CallsOf(sample, journal);
            text.AppendLine(culture,
                $"| {sample.Creation.TotalSeconds:0.00} s | {sample.Took.TotalSeconds:0.000} s | {sample.PastAvailability.TotalSeconds:0.000} s | {posts + reads} ({posts} + {reads}) | {reads / sample.Took.TotalSeconds:0.00} |");
        }

        text.AppendLine();
        text.AppendLine("Per creation time (all offsets):");
        text.AppendLine();
        text.AppendLine("| creation time | past availability: mean | past availability: max | calls: mean | calls: max | reads per second: max |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(sample => Math.Floor(sample.Creation.TotalSeconds)))
        {
            var calls = group.Select(sample => CallsOf(sample, journal)).Select(c => (Total: c.Posts + c.Reads, c.Reads)).ToList();
            text.AppendLine(culture,
                $"| {group.Key} s (+ offsets) | {group.Average(s => s.PastAvailability.TotalSeconds):0.000} s | {group.Max(s => s.PastAvailability.TotalSeconds):0.000} s | {calls.Average(c => c.Total):0.0} | {calls.Max(c => c.Total)} | {group.Zip(calls).Max(pair => pair.Second.Reads / pair.First.Took.TotalSeconds):0.00} |");
        }

        var lists = journal.Count(call => call.Method == "GET" && call.Path.EndsWith("/vpc-endpoint-services", StringComparison.Ordinal));
        text.AppendLine();
        text.AppendLine(culture, $"List calls in the whole run: {lists} (a single wait reads its service by id).");
        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        foreach (var line in Machine.Describe())
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static (int Posts, int Reads) CallsOf(WaitSample sample, IReadOnlyList<ApiCall> journal)
    {
        var marker = $"\"service_name\":\"{sample.Name}\"";
        var posts = journal.Count(call => call.Method == "POST" && call.Body.Contains(marker, StringComparison.Ordinal));
        var reads = journal.Count(call => call.Method == "GET" && call.Path.EndsWith("/" + sample.Id, StringComparison.Ordinal));
        return (posts, reads);
    }
}
