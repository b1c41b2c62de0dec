using Otc.CloudClient;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;
using DiffChanges = Otc.ProviderHost.Protocol.DiffResponse.Types.DiffChanges;
using Kind = Otc.ProviderHost.Protocol.PropertyDiff.Types.Kind;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// The pool id the cloud fills in when the program names none (the API reference's create example sends no pool_id
/// and answers one): refresh, import and up stay quiet about it, while a pool the program names is still held to.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class OptionalComputedTests
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
    public async Task Refresh_then_up_of_a_program_without_a_pool_is_no_change()
    {
        var stack = _env.NewStack();
        var program = ServiceInputs.Base(ServiceInputs.NewPortId());
        var created = await stack.UpAsync("pooled", program);
        var cloudPool = (await _cloud.GetServiceAsync(created.Id, CancellationToken.None)).PoolId;
        _env.Emulator.Journal.Clear();

        var refresh = await stack.RefreshAsync("pooled");
        var up = await stack.UpAsync("pooled", program);

        Assert.That(cloudPool, Is.Not.Empty, "the cloud chose a pool");
        Assert.That(created.Outputs!["poolId"].ValueEquals(cloudPool!), Is.True, "the state keeps the cloud's pool as an output");
        Assert.That(refresh.HasDrift, Is.False, () => $"refresh: {refresh.Diff}");
        Assert.That(up.Kind, Is.EqualTo(StepKind.Same), () => $"up after refresh: {up.Diff}");
        Assert.That(up.Diff!.Changes, Is.EqualTo(DiffChanges.DiffNone));
        Assert.That(_env.Mutations(), Is.Empty);

        await stack.DestroyAsync("pooled");
    }

    [Test]
    public async Task Import_then_preview_of_a_program_without_a_pool_is_a_no_op()
    {
        var portId = ServiceInputs.NewPortId();
        var created = await _cloud.CreateServiceAsync(new CreateServiceRequest
        {
            PortId = portId,
            VpcId = "vpc-lifecycle",
            ServerType = "LB",
            Ports = [new PortMapping { ClientPort = 80, ServerPort = 8080, Protocol = "TCP" }],
        }, CancellationToken.None);
        await ServiceWaiter.WaitForAvailableAsync(_cloud, created.Id, TimeSpan.FromSeconds(30), null, CancellationToken.None,
            new WaitPolicy { InitialDelay = TimeSpan.FromMilliseconds(100) });
        var program = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["portId"] = portId,
            ["vpcId"] = "vpc-lifecycle",
            ["serverType"] = "LB",
            ["ports"] = ServiceInputs.Ports((80, 8080)),
        });
        var stack = _env.NewStack();

        var (imported, warnings) = await stack.ImportAsync("imported-pool", created.Id);
        _env.Emulator.Journal.Clear();
        var preview = await stack.PreviewAsync("imported-pool", program);

        Assert.That(warnings, Is.Empty);
        Assert.That(imported.Inputs["poolId"].ValueEquals(created.PoolId!), Is.True, "import reproduces the live service, pool included");
        Assert.That(preview.Kind, Is.EqualTo(StepKind.Same), () => $"import then preview: {preview.Diff}");
        Assert.That(_env.Calls(), Is.Empty, "preview does not call the cloud");

        await stack.DestroyAsync("imported-pool");
    }

    [Test]
    public async Task A_pool_named_in_the_program_that_differs_from_the_clouds_replaces_the_service()
    {
        var stack = _env.NewStack();
        var program = ServiceInputs.Base(ServiceInputs.NewPortId());
        var created = await stack.UpAsync("repooled", program);

        var preview = await stack.PreviewAsync("repooled", program.With("poolId", "pool-named-by-the-user"));
        var same = await stack.PreviewAsync("repooled", program.With("poolId", created.Outputs!["poolId"]));

        Assert.That(preview.Kind, Is.EqualTo(StepKind.Replace));
        Assert.That(preview.Diff!.Replaces, Is.EqualTo(new[] { "poolId" }));
        Assert.That(preview.Diff.DetailedDiff["poolId"].Kind, Is.EqualTo(Kind.UpdateReplace));
        Assert.That(same.Kind, Is.EqualTo(StepKind.Same), "naming the pool the cloud chose is no change");

        await stack.DestroyAsync("repooled");
    }
}
