using Otc.EngineHarness;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// A program written for eu-de, run by a provider configured for eu-ch2 against an emulator playing eu-ch2's documented
/// surface: Check warns (never refuses) about each input the Swiss API reference does not document, naming the input and
/// the region; the cloud's refusal then comes as a clean error, and the same program without those inputs works there.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class RegionReferenceTests
{
    private const string Swiss = "eu-ch2";

    private LifecycleEnvironment _env = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _env = await LifecycleEnvironment.StartAsync(region: Swiss);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    private IReadOnlyList<string> WarningsFor(string urn) =>
        [.. _env.Provider.Logs.Where(log => log.Urn == urn && log.Severity == LogSeverity.Warning).Select(log => log.Message).Distinct()];

    [Test]
    public async Task An_eu_de_endpoint_program_is_warned_about_policyStatements_and_description_then_works_without_them()
    {
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var euDeProgram = EndpointInputs.Gateway().With("policyStatements", GatewayPolicyTests.TwoStatements()).With("description", "OBS for the team");

        var plan = await endpoints.PreviewAsync("obs", euDeProgram);

        Assert.That(plan.Kind, Is.EqualTo(StepKind.Create), "a warning, never a refusal");
        var warnings = WarningsFor(endpoints.UrnOf("obs"));
        Assert.That(warnings, Has.Some.StartsWith("policyStatements: the eu-ch2 API reference does not document 'policy_statement'"));
        Assert.That(warnings, Has.Some.StartsWith("description: the eu-ch2 API reference does not document 'description'"));
        Assert.That(warnings, Has.Count.EqualTo(2), () => string.Join("\n", warnings));

        _env.Emulator.Journal.Clear();
        var refused = Assert.ThrowsAsync<ResourceOperationException>(() => endpoints.UpAsync("obs", euDeProgram));
        Assert.That(refused!.InitFailed, Is.Null, "the cloud refused the create: nothing to hand back");
        Assert.That(refused.StatusDetail, Does.Contain("EndPoint.0002").And.Contain("policy_statement"));
        Assert.That(_env.Emulator.ResourceCounts().Endpoints, Is.Zero);

        var created = await endpoints.UpAsync("swiss", EndpointInputs.Gateway());
        Assert.That(WarningsFor(endpoints.UrnOf("swiss")), Is.Empty);
        Assert.That(created.Outputs!.ContainsKey("policyStatements"), Is.False, "eu-ch2 answers no policy");
        var (refresh, same) = await endpoints.PreviewWithRefreshAsync("swiss", EndpointInputs.Gateway());
        Assert.That(refresh.HasDrift, Is.False, () => $"{refresh.Diff}");
        Assert.That(same!.Kind, Is.EqualTo(StepKind.Same));

        await endpoints.DestroyAsync("swiss");
    }

    [Test]
    public async Task An_eu_de_service_program_is_warned_about_poolId_and_description_and_a_swiss_one_previews_clean()
    {
        var services = _env.NewStack();
        var swissProgram = ServiceInputs.Base(ServiceInputs.NewPortId()).Without("description");
        var euDeProgram = swissProgram.With("poolId", "pool-1").With("description", "shop");

        await services.PreviewAsync("eu-de-service", euDeProgram);

        var warnings = WarningsFor(services.UrnOf("eu-de-service"));
        Assert.That(warnings, Has.Some.StartsWith("poolId: the eu-ch2 API reference does not document 'pool_id'").And.Some.Contains("eu-de and eu-nl reference does"));
        Assert.That(warnings, Has.Some.StartsWith("description: the eu-ch2 API reference does not document 'description'"));

        await services.UpAsync("swiss-service", swissProgram);
        Assert.That(WarningsFor(services.UrnOf("swiss-service")), Is.Empty);
        var (refresh, same) = await services.PreviewWithRefreshAsync("swiss-service", swissProgram);
        Assert.That(refresh.HasDrift, Is.False, () => $"{refresh.Diff}");
        Assert.That(same!.Kind, Is.EqualTo(StepKind.Same));

        await services.DestroyAsync("swiss-service");
    }
}
