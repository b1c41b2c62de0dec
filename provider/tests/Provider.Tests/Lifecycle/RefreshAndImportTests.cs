using Otc.CloudClient;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;
using DiffChanges = Otc.ProviderHost.Protocol.DiffResponse.Types.DiffChanges;
using Kind = Otc.ProviderHost.Protocol.PropertyDiff.Types.Kind;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>Refresh (Read, then the engine's swapped Diff) and import (Read by id, then Check and Diff against the program).</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class RefreshAndImportTests
{
    private LifecycleEnvironment _env = null!;
    private IVpcepClient _cloud = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _env = await LifecycleEnvironment.StartAsync();
        _cloud = await _env.CloudAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _cloud?.Dispose();
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    [Test]
    public async Task RefreshWithoutDriftIsNoChange()
    {
        var stack = _env.NewStack();
        var inputs = ServiceInputs.Base(ServiceInputs.NewPortId());
        await stack.UpAsync("steady", inputs);
        var before = stack.Get("steady");
        _env.Emulator.Journal.Clear();

        var refresh = await stack.RefreshAsync("steady");

        Assert.That(refresh.Gone, Is.False);
        Assert.That(refresh.Diff!.Changes, Is.EqualTo(DiffChanges.DiffNone));
        Assert.That(refresh.HasDrift, Is.False);
        Assert.That(refresh.InputsAfter.ValueEquals(before.Inputs), Is.True, () => $"Read's inputs {refresh.InputsAfter} differ from the stored {before.Inputs}");
        Assert.That(_env.Mutations(), Is.Empty, "refresh only reads");

        await stack.DestroyAsync("steady");
    }

    [Test]
    public async Task RefreshShowsEditsBehindTheProvidersBackAsUpdatesOfExactlyThoseProperties()
    {
        var stack = _env.NewStack();
        var inputs = ServiceInputs.Base(ServiceInputs.NewPortId());
        var id = (await stack.UpAsync("drifting", inputs)).Id;
        await _cloud.UpdateServiceAsync(id, new UpdateServiceRequest { Description = "edited in the console", ApprovalEnabled = false }, CancellationToken.None);
        _env.Emulator.Journal.Clear();

        var refresh = await stack.RefreshAsync("drifting");

        Assert.That(refresh.HasDrift, Is.True);
        Assert.That(refresh.Diff!.DetailedDiff.Select(pair => (pair.Key, pair.Value.Kind)), Is.EquivalentTo(new[]
        {
            ("approvalEnabled", Kind.Update),
            ("description", Kind.Update),
        }));
        Assert.That(refresh.Diff.Replaces, Is.Empty);
        Assert.That(refresh.InputsAfter["description"].ValueEquals("edited in the console"), Is.True);
        Assert.That(refresh.InputsAfter["approvalEnabled"].ValueEquals(false), Is.True);
        Assert.That(stack.Get("drifting").Inputs["description"].ValueEquals("edited in the console"), Is.True, "refresh stores what Read found");
        Assert.That(_env.Mutations(), Is.Empty, "refresh only reads");

        // The next up puts the program's values back, in place.
        var step = await stack.UpAsync("drifting", inputs);
        Assert.That(step.Kind, Is.EqualTo(StepKind.Update));
        Assert.That(step.ChangedKeys, Is.EqualTo(new[] { "approvalEnabled", "description" }));

        await stack.DestroyAsync("drifting");
    }

    [Test]
    public async Task PreviewWithRefreshShowsTheDriftAsAnUpdateWithoutCallingTheCloudToChangeIt()
    {
        var stack = _env.NewStack();
        var inputs = ServiceInputs.Base(ServiceInputs.NewPortId());
        var id = (await stack.UpAsync("previewed-drift", inputs)).Id;
        await _cloud.UpdateServiceAsync(id, new UpdateServiceRequest { TcpProxy = "proxy_open" }, CancellationToken.None);
        _env.Emulator.Journal.Clear();

        var (refresh, plan) = await stack.PreviewWithRefreshAsync("previewed-drift", inputs);

        Assert.That(refresh.DriftedKeys, Is.EqualTo(new[] { "tcpProxy" }));
        Assert.That(plan!.Kind, Is.EqualTo(StepKind.Update));
        Assert.That(plan.Diff!.DetailedDiff.Select(pair => (pair.Key, pair.Value.Kind)), Is.EquivalentTo(new[] { ("tcpProxy", Kind.Update) }));
        Assert.That(_env.Mutations(), Is.Empty);
        Assert.That(stack.Get("previewed-drift").Inputs["tcpProxy"].ValueEquals("close"), Is.True, "preview --refresh does not store the refreshed state");

        await stack.DestroyAsync("previewed-drift");
    }

    [Test]
    public async Task ImportedServiceHasNoDiffAgainstTheSameProgramInputs()
    {
        var portId = ServiceInputs.NewPortId();
        var created = await _cloud.CreateServiceAsync(new CreateServiceRequest
        {
            PortId = portId,
            VpcId = "vpc-imported",
            ServerType = "VM",
            ServiceName = "imported",
            ApprovalEnabled = false,
            Description = "made outside Pulumi",
            Ports = [new PortMapping { ClientPort = 22, ServerPort = 2222, Protocol = "TCP" }, new PortMapping { ClientPort = 80, ServerPort = 8080, Protocol = "TCP" }],
            Tags = [new ResourceTag { Key = "owner", Value = "ops" }],
        }, CancellationToken.None);
        await ServiceWaiter.WaitForAvailableAsync(_cloud, created.Id, TimeSpan.FromSeconds(30), null, CancellationToken.None,
            new WaitPolicy { InitialDelay = TimeSpan.FromMilliseconds(100) });
        var program = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["portId"] = portId,
            ["vpcId"] = "vpc-imported",
            ["serverType"] = "VM",
            ["serviceName"] = "imported",
            ["approvalEnabled"] = false,
            ["description"] = "made outside Pulumi",
            ["ports"] = ServiceInputs.Ports((80, 8080), (22, 2222)),
            ["tags"] = ServiceInputs.Tags(("owner", "ops")),
        });
        var stack = _env.NewStack();

        var (imported, warnings) = await stack.ImportAsync("imported", created.Id);
        _env.Emulator.Journal.Clear();
        var step = await stack.PreviewAsync("imported", program);

        Assert.That(warnings, Is.Empty);
        Assert.That(imported.Id, Is.EqualTo(created.Id));
        Assert.That(step.Kind, Is.EqualTo(StepKind.Same), () => $"import then plan: {step.Diff}");
        Assert.That(step.Diff!.Changes, Is.EqualTo(DiffChanges.DiffNone));
        Assert.That(_env.Calls(), Is.Empty);

        await stack.DestroyAsync("imported");
    }

    [Test]
    public async Task SecretDescriptionStaysSecretInOutputs()
    {
        var stack = _env.NewStack();
        var inputs = ServiceInputs.Base(ServiceInputs.NewPortId()).With("description", PropertyValue.From("contract 4711").WithSecret());

        var created = await stack.UpAsync("secretive", inputs);
        var updated = await stack.UpAsync("secretive", inputs.With("description", PropertyValue.From("contract 4712").WithSecret()));

        Assert.That(created.Outputs!["description"].IsSecret, Is.True);
        Assert.That(created.Outputs["description"].ValueEquals("contract 4711"), Is.True);
        Assert.That(updated.Kind, Is.EqualTo(StepKind.Update));
        Assert.That(updated.Outputs!["description"].IsSecret, Is.True);
        Assert.That(updated.Outputs["description"].ValueEquals("contract 4712"), Is.True);
        Assert.That(_env.Provider.Logs.Select(log => log.Message), Has.None.Contains("contract 471"));

        await stack.DestroyAsync("secretive");
    }
}
