using Otc.EngineHarness;
using Otc.ProviderHost.Values;
using DiffChanges = Otc.ProviderHost.Protocol.DiffResponse.Types.DiffChanges;
using Kind = Otc.ProviderHost.Protocol.PropertyDiff.Types.Kind;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>The replace rows of the update table: the Diff answer, and a new create plus a delete of the old service.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ReplaceTests
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

    [TestCase("vpcId", "vpc-replacement", Kind.UpdateReplace)]
    [TestCase("serverType", "VM", Kind.UpdateReplace)]
    // The program named no pool, so the cloud chose one: naming another is a change from the cloud's choice.
    [TestCase("poolId", "pool-replacement", Kind.UpdateReplace)]
    public async Task ReplaceOnChangeCreatesANewServiceAndDeletesTheOld(string property, string newValue, Kind expectedKind)
    {
        var stack = _env.NewStack();
        var inputs = ServiceInputs.Base(ServiceInputs.NewPortId());
        var oldId = (await stack.UpAsync("replaced", inputs)).Id;
        _env.Emulator.Journal.Clear();

        var step = await stack.UpAsync("replaced", inputs.With(property, newValue));

        Assert.That(step.Kind, Is.EqualTo(StepKind.Replace));
        Assert.That(step.Diff!.Changes, Is.EqualTo(DiffChanges.DiffSome));
        Assert.That(step.Diff.DetailedDiff.Select(pair => (pair.Key, pair.Value.Kind)), Is.EquivalentTo(new[] { (property, expectedKind) }));
        Assert.That(step.Diff.Replaces, Is.EqualTo(new[] { property }));
        // Same port and the same backend ports: the API would refuse the new service while the old one exists.
        Assert.That(step.Diff.DeleteBeforeReplace, Is.True);
        Assert.That(step.Id, Is.Not.EqualTo(oldId));

        // The base inputs whitelist a domain, so the new service gets its permission right after it is available.
        var mutations = _env.Mutations();
        Assert.That(mutations.Select(call => (call.Method, call.Path)), Is.EqualTo(new[]
        {
            ("DELETE", _env.ServicePath(oldId)),
            ("POST", _env.ServicesPath),
            ("POST", _env.ServicePath(step.Id) + "/permissions/action"),
        }));
        Assert.That(mutations.Select(call => call.Status), Has.All.LessThan(300));
        Assert.That(JournalBodies.Field(mutations[1].Body, ToWireName(property)).GetString(), Is.EqualTo(newValue));
        Assert.That(stack.Get("replaced").Outputs[property].ValueEquals(newValue), Is.True);

        await stack.DestroyAsync("replaced");
    }

    [Test]
    public async Task ReplacementOnAnotherPortIsCreatedBeforeTheOldIsDeleted()
    {
        var stack = _env.NewStack();
        var inputs = ServiceInputs.Base(ServiceInputs.NewPortId());
        var oldId = (await stack.UpAsync("moved", inputs)).Id;
        _env.Emulator.Journal.Clear();

        var step = await stack.UpAsync("moved", inputs.With("vpcId", "vpc-other").With("portId", ServiceInputs.NewPortId()));

        Assert.That(step.Kind, Is.EqualTo(StepKind.Replace));
        Assert.That(step.Diff!.Replaces, Is.EqualTo(new[] { "vpcId" }));
        Assert.That(step.Diff.DetailedDiff.Select(pair => (pair.Key, pair.Value.Kind)), Is.EquivalentTo(new[] { ("portId", Kind.Update), ("vpcId", Kind.UpdateReplace) }));
        Assert.That(step.Diff.DeleteBeforeReplace, Is.False);
        Assert.That(_env.Mutations().Select(call => (call.Method, call.Path)), Is.EqualTo(new[]
        {
            ("POST", _env.ServicesPath),
            ("POST", _env.ServicePath(step.Id) + "/permissions/action"),
            ("DELETE", _env.ServicePath(oldId)),
        }));

        await stack.DestroyAsync("moved");
    }

    [Test]
    public async Task ServiceTypeChangeIsAReplace()
    {
        // Users can only create interface services, so the old side is a state that records a gateway service.
        var stack = _env.NewStack();
        var inputs = ServiceInputs.Base(ServiceInputs.NewPortId());
        stack.Remember(new StackResource(
            "gateway", stack.UrnOf("gateway"), Guid.NewGuid().ToString(), inputs.With("serviceType", "gateway"), inputs.With("serviceType", "gateway"), []));
        _env.Emulator.Journal.Clear();

        var step = await stack.PreviewAsync("gateway", inputs.With("serviceType", "interface"));

        Assert.That(step.Kind, Is.EqualTo(StepKind.Replace));
        Assert.That(step.Diff!.DetailedDiff.Select(pair => (pair.Key, pair.Value.Kind)), Is.EquivalentTo(new[] { ("serviceType", Kind.UpdateReplace) }));
        Assert.That(step.Diff.Replaces, Is.EqualTo(new[] { "serviceType" }));
        Assert.That(_env.Calls(), Is.Empty, "preview makes no call");
    }

    private static string ToWireName(string property) => property switch
    {
        "vpcId" => "vpc_id",
        "serverType" => "server_type",
        "poolId" => "pool_id",
        _ => property,
    };
}
