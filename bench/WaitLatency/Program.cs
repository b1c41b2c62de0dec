using System.Diagnostics;
using System.Globalization;
using Otc.Bench.Support;
using Otc.Bench.WaitLatency;
using Otc.EmulatorHarness;
using Otc.EngineHarness;

var options = WaitOptions.Parse(args, out var error);
if (options is null)
{
    await Console.Error.WriteLineAsync($"waitbench: {error}");
    return 2;
}

await using var emulator = await EmulatorProcess.StartAsync(options.Emulator, ["--service-quota", "1000", "--create-delay-ms", "100"]);
// One unreported create first: the emulator's first requests are slow (it is not compiled ahead of time).
await MeasureAsync("warmup", TimeSpan.FromMilliseconds(100));
var samples = new List<WaitSample>();
foreach (var delay in options.Delays)
{
    // The samples of one delay run side by side, each alone in its own provider process (so each wait is a single
    // wait, read by id); the emulator's create delay is a global setting, so each POST must land before the next change.
    var running = new List<Task<WaitSample>>();
    foreach (var offset in options.Offsets)
    {
        var creation = TimeSpan.FromSeconds(delay + offset);
        await emulator.Admin.ChangeSettingsAsync(new SettingsChange { CreateDelayMs = (int)creation.TotalMilliseconds });
        var name = string.Create(CultureInfo.InvariantCulture, $"w{samples.Count + running.Count:000}");
        running.Add(MeasureAsync(name, creation));
        await PostedAsync(name);
    }

    samples.AddRange(await Task.WhenAll(running));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"creation {delay} s: past availability {string.Join(", ", samples.TakeLast(running.Count).Select(s => $"{s.PastAvailability.TotalSeconds:0.000} s"))}"));
}

var journal = await emulator.Admin.JournalAsync();
var path = options.Out ?? Path.Combine(RepositoryRoot(), "bench", "results", "wait-latency.md");
await File.WriteAllTextAsync(path, WaitReport.Render(options, samples, journal));
Console.WriteLine($"wrote {path}");
return 0;

async Task<WaitSample> MeasureAsync(string name, TimeSpan creation)
{
    await using var provider = await ProviderProcess.StartAsync(ProviderLaunch.Binary(options.Provider));
    var stack = new EngineSimulator(provider, project: "waitbench", stack: "bench").OfType("otc:vpcep:VpcEndpointService");
    await stack.ConfigureAsync(EmulatorAccount.Owner.ProviderConfig(emulator.BaseUrl));
    var inputs = ServiceInputs.For(name, (80, 8080));
    // A preview first (no cloud call) warms the process's gRPC path, so the measured Check and Diff take milliseconds.
    await stack.PreviewAsync(name, inputs);
    // Taken before Check, Diff and the POST: the time past availability below includes them.
    var started = Stopwatch.GetTimestamp();
    await stack.UpAsync(name, inputs);
    var took = Stopwatch.GetElapsedTime(started);
    return new WaitSample(name, stack.Get(name).Id, creation, took);
}

async Task PostedAsync(string name)
{
    var marker = $"\"service_name\":\"{name}\"";
    for (var attempt = 0; attempt < 3000; attempt++)
    {
        if ((await emulator.Admin.JournalAsync()).Any(call => call.Method == "POST" && call.Body.Contains(marker, StringComparison.Ordinal)))
        {
            return;
        }

        await Task.Delay(10);
    }

    throw new TimeoutException($"the POST of {name} never reached the emulator");
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
