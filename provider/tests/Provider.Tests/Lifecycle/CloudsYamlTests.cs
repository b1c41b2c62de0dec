using Otc.Emulator;
using Otc.EmulatorHarness;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// The published binary with no <c>otc:</c> config and no OTC setting in its environment but <c>OS_CLOUD</c>: everything,
/// the IAM endpoint and the AK/SK included, comes from a clouds.yaml on the standard search path, and the VPCEP endpoint
/// from the emulator's IAM catalog, as a user with the OpenStack tools set up would run it.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CloudsYamlTests
{
    private const string CloudName = "emulated";

    private RunningEmulator _emulator = null!;

    [OneTimeSetUp]
    public async Task StartEmulator() => _emulator = await EmulatorHost.StartAsync(new EmulatorOptions
    {
        CreateDelay = TimeSpan.FromMilliseconds(150),
        DeleteDelay = TimeSpan.FromMilliseconds(100),
    }, CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopEmulator() => await _emulator.DisposeAsync();

    [Test]
    public async Task Only_OS_CLOUD_and_a_clouds_yaml_in_the_home_directory_create_a_service()
    {
        using var folders = new CloudsFolders();
        var path = folders.Write(folders.UserConfigDirectory, "clouds.yaml", EmulatorAccount.Owner.CloudsYaml(CloudName, _emulator.BaseUrl));

        var logs = await CreateAndDestroyAsync(folders, "from-home");

        Assert.That(logs, Has.Some.EqualTo($"otc: authenticating with AK/SK (accessKey from auth.ak of cloud '{CloudName}' in {path}, secretKey from auth.sk of cloud '{CloudName}' in {path})"));
    }

    [Test]
    public async Task A_clouds_yaml_in_the_current_directory_with_its_secret_key_in_secure_yaml_creates_a_service()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", EmulatorAccount.Owner.CloudsYaml(CloudName, _emulator.BaseUrl, withoutSecretKey: true));
        folders.Write(folders.UserConfigDirectory, "secure.yaml", EmulatorAccount.Owner.SecureYaml(CloudName));

        var logs = await CreateAndDestroyAsync(folders, "from-current-directory");

        Assert.That(logs, Has.Some.Contains("secretKey from auth.sk of cloud").And.Contains("secure.yaml"));
    }

    /// <summary>Runs the provider with HOME and the working directory in <paramref name="folders"/>; returns the engine log's messages.</summary>
    private async Task<IReadOnlyList<string>> CreateAndDestroyAsync(CloudsFolders folders, string name)
    {
        var launch = ProviderBinary.WithoutConfigEnvironment(LifecycleEnvironment.PollInterval);
        var environment = new Dictionary<string, string?>(launch.Environment) { ["OS_CLOUD"] = CloudName, ["HOME"] = folders.HomeDirectory };
        await using var provider = await ProviderProcess.StartAsync(launch with { Environment = environment, WorkingDirectory = folders.CurrentDirectory });
        var stack = new EngineSimulator(provider).OfType(LifecycleEnvironment.ResourceType);

        await stack.ConfigureAsync(PropertyMap.Empty);
        await stack.UpAsync(name, ServiceInputs.Base(ServiceInputs.NewPortId()));
        var id = stack.Get(name).Id;
        var created = _emulator.Journal.Entries.Where(entry => entry.Method == "POST" && entry.Path == $"/v1/{EmulatorAccount.Owner.ProjectId}/vpc-endpoint-services").ToList();
        await stack.DestroyAsync(name);

        var messages = provider.Logs.Select(log => log.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Not.Empty);
            Assert.That(created, Is.Not.Empty, "the service was created in the project clouds.yaml names");
            Assert.That(messages.Count(message => message.StartsWith("otc: authenticating with", StringComparison.Ordinal)), Is.EqualTo(1), "logged once");
            Assert.That(string.Join("\n", messages) + provider.StandardError, Does.Not.Contain(EmulatorAccounts.SecretKey));
        });
        return messages;
    }
}
