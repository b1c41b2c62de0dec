using System.Diagnostics;
using System.Globalization;
using Otc.Bench.StackBench;
using Otc.EmulatorHarness;
using Otc.EngineHarness;

var options = BenchOptions.Parse(args, out var error);
if (options is null)
{
    await Console.Error.WriteLineAsync($"stackbench: {error}");
    return 2;
}

// First as users get it out of the box, then with no failure retries at all: throttling must not draw on that budget.
var rounds = new List<Round>();
foreach (var maxRetries in new int?[] { null, 0 })
{
    rounds.Add(await RunRoundAsync(options, maxRetries));
}

var path = options.Out ?? Path.Combine(RepositoryRoot(), "bench", "results", $"stack-{options.Count}.md");
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
await File.WriteAllTextAsync(path, Report.Render(options, rounds));
Console.WriteLine($"wrote {path}");
return 0;

static async Task<Round> RunRoundAsync(BenchOptions options, int? maxRetries)
{
    var clock = Stopwatch.StartNew();
    await using var emulator = await EmulatorProcess.StartAsync(options.Emulator,
    [
        "--rate-limit", options.RateLimit.ToString(CultureInfo.InvariantCulture),
        "--service-quota", (options.Count + 50).ToString(CultureInfo.InvariantCulture),
        "--create-delay-ms", options.CreateDelayMs.ToString(CultureInfo.InvariantCulture),
        "--delete-delay-ms", options.DeleteDelayMs.ToString(CultureInfo.InvariantCulture),
    ]);
    await using var provider = await ProviderProcess.StartAsync(ProviderLaunch.Binary(options.Provider));
    var run = new StackRun(options, emulator, provider, maxRetries);
    await run.ConfigureAsync();
    Console.WriteLine(maxRetries is null ? "round: client default retries" : $"round: otc:maxRetries = {maxRetries}");

    var phases = new List<PhaseResult>();
    foreach (var phase in new Func<Task<PhaseResult>>[] { run.CreateAllAsync, run.UpdateAllAsync, run.DeleteAllAsync })
    {
        var result = await phase();
        phases.Add(result);
        var floor = result.OneCallFloor(options.RateLimit, options.LifecycleDelay(result.Name));
        Console.WriteLine($"  {result.Name,-15} {result.Operations} ops, {result.Failed} failed, {result.Wall.TotalSeconds:0.0} s (one-call floor {floor.TotalSeconds:0.0} s: {result.Wall / floor:0.00}×), {result.Calls.Count} calls ({result.CallsPerOperation:0.00}/op, {result.AcceptedPerOperation:0.00} accepted), {result.Throttled} × 429, peak RSS {provider.PeakResidentBytes / 1048576.0:0.0} MiB, peak connections {run.Connections[^1].PeakConnections}");
    }

    return new Round(maxRetries, phases, run.Memory, run.Connections, clock.Elapsed);
}

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "pulumi-otc.slnx")))
        {
            return directory.FullName;
        }
    }

    return Environment.CurrentDirectory;
}
