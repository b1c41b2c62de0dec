using Otc.Bench.ClientBench;
using Otc.Emulator;

// Runs every scenario against one in-process emulator and writes bench/results/client-emulator.md.
var settings = BenchSettings.Parse(args);
var loadBefore = MachineDescription.LoadAverage();
await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), CancellationToken.None);
using var scenarios = await Scenarios.PrepareAsync(emulator);

foreach (var scenario in scenarios.All)
{
    await Runner.MeasureAsync(scenario, settings.Warmup, 1, emulator);
}

var results = new List<ScenarioResult>();
results.AddRange(await Runner.RunInRoundsAsync(scenarios.All, settings.Sequential, 1, settings.Rounds, emulator));
results.AddRange(await Runner.RunInRoundsAsync(scenarios.All, settings.ConcurrentCalls, settings.Concurrency, settings.Rounds, emulator));

var attribution = Attribution.Measure(scenarios.Sample.Json, scenarios.Sample.Uri, settings.Sequential);
var report = ReportWriter.Render(results, settings, attribution, scenarios.Sample.Json.Length, loadBefore, MachineDescription.LoadAverage());
Console.WriteLine(report);
var path = settings.OutputPath ?? Path.Combine(RepositoryRoot.Find(), "bench", "results", "client-emulator.md");
await File.WriteAllTextAsync(path, report);
Console.WriteLine($"written to {path}");
