using System.Globalization;
using System.Text;
using Otc.Bench.Support;

namespace Otc.Bench.StackBench;

/// <summary>Writes <c>bench/results/stack-{count}.md</c>: the set-up, a table per round (wall time against the floors, calls, 429s, memory), API calls per operation by kind, and the machine.</summary>
internal static class Report
{
    public static string Render(BenchOptions options, IReadOnlyList<Round> rounds)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"# Stack benchmark: {options.Count} endpoint services through one provider process at {options.RateLimit} requests/s");
        text.AppendLine();
        text.AppendLine(culture, $"Produced by `bench/StackBench` (`make bench`) on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Not a test: the numbers depend on the machine and its load.");
        text.AppendLine();
        text.AppendLine("## Set-up");
        text.AppendLine();
        text.AppendLine(culture, $"- Provider: `{options.Provider}`{(options.Label is null ? "" : $" ({options.Label})")}, the published Native AOT binary, ONE process, launched and driven over gRPC as the engine does (`Otc.EngineHarness`: Check → Diff → Create/Update, Delete), all resources at once (unbounded `--parallel`; the provider announces no HTTP/2 stream limit, as Go providers do, so every operation is in flight at once on one connection).");
        text.AppendLine(culture, $"- Emulator: `otc-emulator --rate-limit {options.RateLimit} --service-quota {options.Count + 50} --create-delay-ms {options.CreateDelayMs} --delete-delay-ms {options.DeleteDelayMs}`, a separate process on loopback. Beyond {options.RateLimit} requests/s per project it answers 429 `APIGW.0308`.");
        text.AppendLine("- Provider config: region eu-de, project id, AK/SK, `vpcepEndpoint` = the emulator.");
        text.AppendLine("- Phases: create all (two port mappings each, waiting for `available`), update all (ports change: one PUT each; services whose create failed are created here instead), delete all (waiting for 404).");
        text.AppendLine("- Two rounds, each on a fresh emulator and provider: the retry budget as shipped, then `otc:maxRetries = 0` (no retries for failures: throttling must not need them).");
        text.AppendLine(culture, $"- One-call floor: every operation needs at least its one call (POST, PUT or DELETE), so a phase cannot end before {options.Count} calls ÷ {options.RateLimit}/s, plus the cloud's own time for the last one ({options.CreateDelayMs} ms to create, {options.DeleteDelayMs} ms to delete). Accepted-calls floor: the calls the client actually had accepted ÷ {options.RateLimit}/s (how well it paced what it sent).");

        foreach (var round in rounds)
        {
            RenderRound(text, options, round);
        }

        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        foreach (var line in Machine.Describe())
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static void RenderRound(StringBuilder text, BenchOptions options, Round round)
    {
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine(culture, $"## Round: {round.RetrySetting}");
        text.AppendLine();
        text.AppendLine("| phase | ops | failed | wall time | one-call floor | wall / floor | API calls per op (accepted only) | 429s | accepted-calls floor | provider peak RSS | peak connections |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var ((phase, memory), connections) in round.Phases.Zip(round.Memory).Zip(round.Connections))
        {
            var floor = phase.OneCallFloor(options.RateLimit, options.LifecycleDelay(phase.Name));
            var rss = memory.PeakRssBytes is { } bytes ? $"{bytes / 1024.0 / 1024.0:0.0} MiB" : "unavailable";
            text.AppendLine(culture,
                $"| {phase.Name} | {phase.Operations} | {phase.Failed} | {phase.Wall.TotalSeconds:0.0} s | {floor.TotalSeconds:0.0} s | {phase.Wall / floor:0.00}× | {phase.CallsPerOperation:0.00} ({phase.AcceptedPerOperation:0.00}) | {phase.Throttled} | {phase.AcceptedCallsFloor(options.RateLimit).TotalSeconds:0.0} s | {rss} | {connections.PeakConnections} |");
        }

        text.AppendLine();
        text.AppendLine(culture, $"Round wall time {round.Wall.TotalSeconds:0.0} s (including start-up). Every 429 is a request the emulator refused and the client repeated after a backoff (or gave up on, when the operation failed). Peak RSS is the provider's resident-set high-water mark (`VmHWM`, `/proc/<pid>/status`) after the phase. Peak connections: the most TCP connections the provider held open to the emulator at once during the phase, as the emulator counted them (its count less the bench's own admin connection).");
        text.AppendLine();
        text.AppendLine("Accepted API calls per operation, by kind:");
        text.AppendLine();
        foreach (var phase in round.Phases)
        {
            text.AppendLine(culture, $"- {phase.Name}: {phase.MethodBreakdown(phase.Operations)}");
        }

        var failures = round.Phases.SelectMany(phase => phase.FirstErrors.Take(1).Select(error => $"{phase.Name}: {error}")).ToList();
        if (failures.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("First failure per phase:");
            text.AppendLine();
            foreach (var failure in failures)
            {
                text.AppendLine(culture, $"- {failure}");
            }
        }
    }
}
