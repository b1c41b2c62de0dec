using Otc.EngineHarness;

namespace Otc.Platform.Tests;

/// <summary>The linux-arm64 Native AOT plugin, cross-compiled on amd64, run as the engine runs it, under qemu-user.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class LinuxArm64Tests
{
    private const string Platform = "linux-arm64";
    private string _pluginDirectory = string.Empty;
    private ProviderLaunch _launch = null!;

    [OneTimeSetUp]
    public async Task UnpackTheArchive()
    {
        _pluginDirectory = Directory.CreateTempSubdirectory("otc-plugin-arm64-").FullName;
        var executable = await PluginArchives.UnpackAsync(Platform, _pluginDirectory);
        // Emulated, every instruction is translated: start-up takes seconds where it takes milliseconds natively.
        _launch = new ProviderLaunch
        {
            FileName = Emulators.Find("qemu-aarch64"),
            LeadingArguments = [executable],
            StartTimeout = TimeSpan.FromMinutes(2),
        };
    }

    [OneTimeTearDown]
    public void RemoveThePlugin() => Directory.Delete(_pluginDirectory, recursive: true);

    [Test]
    public async Task AnswersGetPluginInfoWithTheVersion()
    {
        Assert.That(await ServiceLifecycle.PluginVersionAsync(_launch), Is.EqualTo(PluginArchives.Version));
    }

    [Test]
    public async Task CreatesAndDeletesAServiceAgainstTheEmulator()
    {
        var outcome = await ServiceLifecycle.CreateAndDestroyAsync(_launch);

        Assert.That(outcome.Created.Kind, Is.EqualTo(StepKind.Create));
        Assert.That(outcome.Created.Id, Is.Not.Empty);
        Assert.That(outcome.Created.Outputs!["status"].ValueEquals("available"), Is.True, () => outcome.Created.Outputs.ToString());
        Assert.That(outcome.Mutations.Select(call => (call.Method, call.Status)), Is.EqualTo(new[] { ("POST", 200), ("DELETE", 204) }),
            () => outcome.StandardError);
        Assert.That(outcome.Mutations[1].Path, Does.EndWith("/vpc-endpoint-services/" + outcome.Created.Id));
    }
}
