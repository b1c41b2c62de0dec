using System.Diagnostics;
using Otc.EngineHarness;

namespace Otc.Platform.Tests;

/// <summary>
/// The windows-amd64 plugin (self-contained single file) started the way the engine starts it, under wine64, in a Wine
/// prefix of its own that the fixture creates and removes.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class WindowsTests
{
    private const string Platform = "windows-amd64";
    private string _workDirectory = string.Empty;
    private Dictionary<string, string?> _wineEnvironment = [];
    private ProviderLaunch _launch = null!;

    [OneTimeSetUp]
    public async Task UnpackTheArchiveAndCreateAWinePrefix()
    {
        _workDirectory = Directory.CreateTempSubdirectory("otc-plugin-windows-").FullName;
        var executable = await PluginArchives.UnpackAsync(Platform, Path.Combine(_workDirectory, "plugin"));
        _wineEnvironment = new Dictionary<string, string?>
        {
            ["WINEPREFIX"] = Path.Combine(_workDirectory, "prefix"),
            // No display, no prompts: Wine would offer to install its Mono and Gecko add-ons, which a .NET
            // single file with its own runtime does not need.
            ["WINEDLLOVERRIDES"] = "mscoree,mshtml=",
            ["WINEDEBUG"] = "-all",
            ["DISPLAY"] = null,
        };
        _launch = new ProviderLaunch
        {
            FileName = Emulators.Find("wine64"),
            LeadingArguments = [executable],
            Environment = _wineEnvironment,
            // The first start creates the Wine prefix (a minute or so on a loaded machine).
            StartTimeout = TimeSpan.FromMinutes(4),
        };
    }

    [OneTimeTearDown]
    public async Task StopWineAndRemoveThePrefix()
    {
        // The provider's own process is stopped by the harness; the prefix's wineserver goes with `wineserver -k`.
        var start = new ProcessStartInfo(Emulators.Find("wineserver")) { UseShellExecute = false };
        start.ArgumentList.Add("-k");
        foreach (var (name, value) in _wineEnvironment)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        using (var wineserver = Process.Start(start))
        {
            await wineserver!.WaitForExitAsync();
        }

        Directory.Delete(_workDirectory, recursive: true);
    }

    [Test]
    [Order(1)]
    public async Task AnswersGetPluginInfoWithTheVersion()
    {
        Assert.That(await ServiceLifecycle.PluginVersionAsync(_launch), Is.EqualTo(PluginArchives.Version));
    }

    [Test]
    [Order(2)]
    public async Task CreatesAndDeletesAServiceAgainstTheEmulator()
    {
        var outcome = await ServiceLifecycle.CreateAndDestroyAsync(_launch);

        Assert.That(outcome.Created.Kind, Is.EqualTo(StepKind.Create));
        Assert.That(outcome.Created.Outputs!["status"].ValueEquals("available"), Is.True, () => outcome.Created.Outputs.ToString());
        Assert.That(outcome.Mutations.Select(call => (call.Method, call.Status)), Is.EqualTo(new[] { ("POST", 200), ("DELETE", 204) }),
            () => outcome.StandardError);
    }
}
