using Otc.Emulator;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// A changed stack configuration, as the engine checks it against the published binary: CheckConfig, then DiffConfig.
/// Moving the stack to another region or project replaces the provider's resources; new credentials, endpoints or
/// client settings never do.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ProviderConfigChangeTests
{
    private LifecycleEnvironment _env = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _env = await LifecycleEnvironment.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    private PropertyMap Config => LifecycleEnvironment.ProviderConfig(_env.Emulator.BaseUrl, maxRetries: 2);

    [Test]
    public async Task A_new_region_replaces_every_resource_of_the_provider()
    {
        var diff = await _env.NewStack().DiffConfigAsync(Config, Config.With("region", "eu-nl"));

        Assert.That(diff.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffSome));
        Assert.That(diff.Replaces, Is.EqualTo(new[] { "region" }));
        Assert.That(diff.DetailedDiff["region"].Kind, Is.EqualTo(PropertyDiff.Types.Kind.UpdateReplace));
    }

    [Test]
    public async Task Another_project_replaces_every_resource_of_the_provider()
    {
        var diff = await _env.NewStack().DiffConfigAsync(Config, Config.With("projectId", EmulatorAccounts.OtherProjectId));

        Assert.That(diff.Replaces, Is.EqualTo(new[] { "projectId" }));
    }

    [Test]
    public async Task A_new_secret_key_is_an_update_of_the_provider_not_a_replace()
    {
        var diff = await _env.NewStack().DiffConfigAsync(Config, Config.With("secretKey", PropertyValue.From("rotated-secret-key").WithSecret()));

        Assert.That(diff.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffSome));
        Assert.That(diff.Diffs, Is.EqualTo(new[] { "secretKey" }));
        Assert.That(diff.Replaces, Is.Empty);
    }

    [Test]
    public async Task The_same_configuration_is_no_change()
    {
        var diff = await _env.NewStack().DiffConfigAsync(Config, Config);

        Assert.That(diff.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffNone));
    }

    [Test]
    public async Task Naming_the_same_project_by_name_as_well_is_no_change()
    {
        var diff = await _env.NewStack().DiffConfigAsync(Config, Config.With("projectName", EmulatorAccounts.DefaultProjectName));

        Assert.That(diff.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffNone));
    }
}
