using Grpc.Core;
using Otc.CloudClient;
using Otc.Emulator;
using Otc.EngineHarness;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// Failures the engine must survive, made with the emulator's settings and fault rules: partial failures hand the id
/// back, clean failures leave the state known, and only a definite 404 makes a resource disappear.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class FailureTests
{
    private LifecycleEnvironment _env = null!;
    private IVpcepClient _cloud = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _env = await LifecycleEnvironment.StartAsync(maxRetries: 2);
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

    [TearDown]
    public void ResetEmulator()
    {
        _env.Emulator.Faults.Clear();
        _env.Emulator.Settings.FailCreates = false;
        _env.Emulator.Settings.CreateDelay = TimeSpan.FromMilliseconds(150);
    }

    [Test]
    public async Task CreationEndingFailedReturnsTheNewIdAsAPartialFailure()
    {
        var stack = _env.NewStack();
        _env.Emulator.Settings.FailCreates = true;

        var failure = Assert.ThrowsAsync<ResourceOperationException>(() => stack.UpAsync("broken", ServiceInputs.Base(ServiceInputs.NewPortId())));

        Assert.That(failure!.Rpc, Is.EqualTo("Create"));
        Assert.That(failure.InitFailed, Is.Not.Null, "the error must carry ErrorResourceInitFailed");
        var id = failure.InitFailed!.Id;
        Assert.That(id, Is.Not.Empty);
        Assert.That(_env.Mutations().Where(call => call.Method == "POST").Select(call => call.Path), Has.Member(_env.ServicesPath));
        var service = await _cloud.GetServiceAsync(id, CancellationToken.None);
        Assert.That(service.Status, Is.EqualTo("failed"), "the id handed back is the service the cloud created");
        Assert.That(failure.InitFailed.Reasons, Is.Not.Empty);
        var recorded = stack.Get("broken");
        Assert.That(recorded.Id, Is.EqualTo(id), "the engine records the partly created resource");
        Assert.That(recorded.HasInitErrors, Is.True);
        Assert.That(recorded.Outputs["status"].ValueEquals("failed"), Is.True);

        await stack.DestroyAsync("broken");
    }

    [Test]
    public async Task WaitTimeoutReturnsTheNewIdAsAPartialFailure()
    {
        var stack = _env.NewStack();
        _env.Emulator.Settings.CreateDelay = TimeSpan.FromSeconds(6);
        var options = new ResourceOptions { Timeouts = new CustomTimeouts { Create = TimeSpan.FromSeconds(1) } };

        var failure = Assert.ThrowsAsync<ResourceOperationException>(() => stack.UpAsync("slow", ServiceInputs.Base(ServiceInputs.NewPortId()), options));

        Assert.That(failure!.InitFailed, Is.Not.Null, () => $"expected ErrorResourceInitFailed, got {failure.StatusCode}: {failure.StatusDetail}");
        Assert.That(failure.InitFailed!.Id, Is.Not.Empty);
        var recorded = stack.Get("slow");
        Assert.That(recorded.Id, Is.EqualTo(failure.InitFailed.Id));
        Assert.That(recorded.Outputs["status"].ValueEquals("creating"), Is.True);
        var service = await _cloud.GetServiceAsync(recorded.Id, CancellationToken.None);
        Assert.That(service.Id, Is.EqualTo(recorded.Id));

        await stack.DestroyAsync("slow");
    }

    [Test]
    public async Task ServerErrorsDuringPutAreACleanErrorWithTheOtcCodeAndTheStateStaysKnown()
    {
        var stack = _env.NewStack();
        var inputs = ServiceInputs.Base(ServiceInputs.NewPortId());
        var id = (await stack.UpAsync("unlucky", inputs)).Id;
        var before = stack.Get("unlucky");
        _env.Emulator.Faults.Add(new FaultRule
        {
            Method = "PUT",
            Path = "/vpc-endpoint-services/",
            Status = 500,
            ErrorCode = "EndPoint.0001",
            ErrorMsg = "internal error injected by the test",
            Times = 10,
        });
        _env.Emulator.Journal.Clear();

        var failure = Assert.ThrowsAsync<ResourceOperationException>(() => stack.UpAsync("unlucky", inputs.With("description", "never applied")));

        Assert.That(failure!.Rpc, Is.EqualTo("Update"));
        Assert.That(failure.InitFailed, Is.Null, "nothing was applied, so this is a clean failure");
        Assert.That(failure.StatusCode, Is.Not.EqualTo(StatusCode.Internal).And.Not.EqualTo(StatusCode.Unknown));
        Assert.That(failure.StateIsUnknown, Is.False);
        Assert.That(failure.StatusDetail, Does.Contain("EndPoint.0001"));
        var puts = _env.Mutations().Where(call => call.Method == "PUT").ToList();
        Assert.That(puts, Has.Count.EqualTo(3), "one attempt plus maxRetries = 2");
        Assert.That(puts.Select(call => call.Status), Has.All.EqualTo(500));
        Assert.That(stack.Get("unlucky"), Is.EqualTo(before), "a clean failure leaves the checkpoint as it was");
        Assert.That((await _cloud.GetServiceAsync(id, CancellationToken.None)).Description, Is.EqualTo("lifecycle test service"));

        _env.Emulator.Faults.Clear();
        await stack.DestroyAsync("unlucky");
    }

    [Test]
    public async Task ServiceDeletedBehindTheBackIsGoneOnRefresh()
    {
        var stack = _env.NewStack();
        var id = (await stack.UpAsync("vanished", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        await DeleteBehindTheBackAsync(id);

        var refresh = await stack.RefreshAsync("vanished");

        Assert.That(refresh.Gone, Is.True);
        Assert.That(stack.Find("vanished"), Is.Null, "an empty id drops the resource from the state");
        Assert.That(_env.Calls().Where(call => call.Path == _env.ServicePath(id)).Select(call => call.Status), Has.Member(404));
    }

    [Test]
    public async Task UnavailableReadIsAnErrorNeverAnEmptyId()
    {
        var stack = _env.NewStack();
        var id = (await stack.UpAsync("flaky", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        var before = stack.Get("flaky");
        _env.Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "/vpc-endpoint-services/" + id, Status = 503, ErrorCode = "APIGW.0201", ErrorMsg = "backend unavailable" });

        var failure = Assert.ThrowsAsync<ResourceOperationException>(() => stack.RefreshAsync("flaky"));

        Assert.That(failure!.Rpc, Is.EqualTo("Read"));
        Assert.That(failure.StatusCode, Is.Not.EqualTo(StatusCode.OK));
        Assert.That(stack.Get("flaky"), Is.EqualTo(before), "the resource stays in the state with its id");

        _env.Emulator.Faults.Clear();
        await stack.DestroyAsync("flaky");
    }

    [Test]
    public async Task DeletingAnAlreadyDeletedServiceSucceeds()
    {
        var stack = _env.NewStack();
        var id = (await stack.UpAsync("deleted-twice", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        await DeleteBehindTheBackAsync(id);
        _env.Emulator.Journal.Clear();

        await stack.DestroyAsync("deleted-twice");

        Assert.That(stack.Find("deleted-twice"), Is.Null);
        Assert.That(_env.Mutations().Select(call => (call.Method, call.Path, call.Status)), Is.EqualTo(new[] { ("DELETE", _env.ServicePath(id), 404) }));
    }

    private async Task DeleteBehindTheBackAsync(string id)
    {
        await _cloud.DeleteServiceAsync(id, CancellationToken.None);
        await ServiceWaiter.WaitForDeletedAsync(_cloud, id, TimeSpan.FromSeconds(30), null, CancellationToken.None,
            new WaitPolicy { InitialDelay = TimeSpan.FromMilliseconds(100) });
    }
}
