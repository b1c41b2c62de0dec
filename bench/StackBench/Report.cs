using System.Globalization;
using System.Text;

namespace Otc.Bench.StackBench;

/// <summary>Writes <c>bench/results/stack-200.md</c>: the set-up, a table per round, API calls per operation, memory and the machine.</summary>
internal static class Report
{
    public static string Render(BenchOptions options, IReadOnlyList<Round> rounds)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"# Stack benchmark: {options.Count} endpoint services through one provider process");
        text.AppendLine();
        text.AppendLine(culture, $"Produced by `bench/StackBench` (`make bench`) on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Not a test: the numbers depend on the machine and its load.");
        text.AppendLine();
        text.AppendLine("## Set-up");
        text.AppendLine();
        text.AppendLine("- Provider: the published Native AOT binary `bin/pulumi-resource-otc`, ONE process, launched and driven over gRPC as the engine does (`Otc.EngineHarness`: Check → Diff → Create/Update, Delete), all resources at once (unbounded `--parallel`; one HTTP/2 connection, so at most 100 RPCs in flight, Kestrel's default stream limit).");
        text.AppendLine(culture, $"- Emulator: `otc-emulator --rate-limit {options.RateLimit} --service-quota {options.Count + 50} --create-delay-ms {options.CreateDelayMs} --delete-delay-ms {options.DeleteDelayMs}`, a separate process on loopback. Beyond {options.RateLimit} requests/s per project it answers 429 `APIGW.0308`.");
        text.AppendLine("- Provider config: region eu-de, project id, AK/SK, `vpcepEndpoint` = the emulator. Client: one adaptive pacer per provider process shared by every request (unpaced until the first throttle, then AIMD on the request rate: cut to 0.9 × the rate the gateway let through, +20 %/s while requests queue for it and answers come back unthrottled, everyone held back briefly while the gateway keeps refusing right after a cut, off again after 30 s without a throttle); throttled requests (429 `APIGW.0308`) are repeated after full-jitter exponential backoff from 200 ms (cap 10 s) for up to the throttle budget (5 min), independent of `maxRetries`, which bounds only 5xx/connection failures; status waiter 1 s × 1.5 up to 10 s.");
        text.AppendLine("- Phases: create all (two port mappings each, waiting for `available`), update all (ports change: one PUT each; services whose create failed are created here instead), delete all (waiting for 404).");
        text.AppendLine("- Two rounds, each on a fresh emulator and provider: the retry budget as shipped, then `otc:maxRetries = 0` (no retries for failures: throttling must not need them).");

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
        text.AppendLine("| phase | ops | failed | wall time | rate-limit floor | wall / floor | API calls | calls per op (accepted only) | 429s (= retries) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in round.Phases)
        {
            var floor = phase.Floor(options.RateLimit);
            var ratio = floor.TotalSeconds > 0 ? phase.Wall.TotalSeconds / floor.TotalSeconds : 0;
            text.AppendLine(culture,
                $"| {phase.Name} | {phase.Operations} | {phase.Failed} | {phase.Wall.TotalSeconds:0.0} s | {floor.TotalSeconds:0.0} s | {ratio:0.00}× | {phase.Calls.Count} | {phase.CallsPerOperation:0.00} ({phase.AcceptedPerOperation:0.00}) | {phase.Throttled} |");
        }

        text.AppendLine();
        text.AppendLine(culture, $"Round wall time {round.Wall.TotalSeconds:0.0} s (including start-up). The floor is accepted calls ÷ {options.RateLimit}/s: no client can finish sooner at that limit. Every 429 is a request the emulator refused and the client repeated after a backoff (or gave up on, when the operation failed).");
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

        text.AppendLine();
        text.AppendLine("Provider resident-set high-water mark (`VmHWM`, `/proc/<pid>/status`): "
            + string.Join(", ", round.Memory.Select(entry => $"after {entry.Phase} {(entry.PeakRssBytes is { } bytes ? $"{bytes / 1024.0 / 1024.0:0.0} MiB" : "unavailable")}")) + ".");
    }
}
