using Otc.Bench.Startup;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

if (!File.Exists(options.ProviderPath))
{
    Console.Error.WriteLine($"{options.ProviderPath} does not exist: run `make provider` first");
    return 1;
}

if (options.PublishBare)
{
    await BarePublisher.PublishAsync(options.BarePath);
}
else if (!File.Exists(options.BarePath))
{
    Console.Error.WriteLine($"{options.BarePath} does not exist: drop --no-publish or publish {BarePublisher.ProjectPath}");
    return 1;
}

var loadBefore = MachineDescription.ReadLoadAverage();
using var engine = new EngineAddressListener();
var runTimeout = TimeSpan.FromSeconds(30);
var bare = new StartupProbe(options.BarePath, engine.Address, runTimeout);
var provider = new StartupProbe(options.ProviderPath, engine.Address, runTimeout);

// Warm-up fills the page cache and the driver's own JIT; those runs are discarded.
for (var warmup = 0; warmup < options.WarmupRuns; warmup++)
{
    await bare.MeasureAsync();
    await provider.MeasureAsync();
}

var bareSamples = new List<StartupSample>();
var providerSamples = new List<StartupSample>();
for (var round = 0; round < options.Runs; round++)
{
    // Alternate which binary goes first, so neither always runs right after the other's teardown.
    var order = round % 2 == 0 ? new[] { bare, provider } : [provider, bare];
    foreach (var probe in order)
    {
        var sample = await probe.MeasureAsync();
        (probe == bare ? bareSamples : providerSamples).Add(sample);
    }
}

var machine = await MachineDescription.CaptureAsync();
var report = ReportWriter.Render(
    options,
    machine,
    loadBefore,
    Statistics.Of(bareSamples.Select(sample => sample.ToFirstAnswer)),
    Statistics.Of(providerSamples.Select(sample => sample.ToFirstAnswer)),
    Statistics.Of(bareSamples.Select(sample => sample.ToPortLine)),
    Statistics.Of(providerSamples.Select(sample => sample.ToPortLine)));
Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
await File.WriteAllTextAsync(options.OutputPath, report + await ReportWriter.KeptAnalysisAsync(options.OutputPath));
Console.WriteLine(report);
Console.WriteLine($"written to {options.OutputPath}");
return 0;
