using Otc.CloudClient;
using Otc.Emulator;
using Otc.EmulatorHarness;
using Otc.Provider.Resources.VpcEndpointApproval;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Tests.Unit;

/// <summary>
/// The approval handler driven directly against an in-process emulator: it waits on the client's status poller for a
/// connection that is still being set up, and its delete keeps to the engine's timeout.
/// </summary>
[NonParallelizable]
public sealed class ApprovalAgainstEmulatorTests
{
    /// <summary>How long creations take in the emulator: until the test moves its clock on.</summary>
    private static readonly TimeSpan CreateDelay = TimeSpan.FromMinutes(1);

    /// <summary>The emulator's time: moved on by the test, so a resource leaves "creating" exactly when the test says.</summary>
    private readonly OffsetClock _clock = new();

    private ConfiguredEmulator _setup = null!;
    private VpcEndpointApprovalHandler _handler = null!;

    private RunningEmulator Emulator => _setup.Emulator;

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        _setup = await ConfiguredEmulator.StartAsync(new EmulatorOptions
        {
            CreateDelay = CreateDelay,
            DeleteDelay = TimeSpan.FromMilliseconds(100),
            Clock = _clock,
        });
        _handler = new VpcEndpointApprovalHandler(_setup.Clients, ConfiguredEmulator.FastPolling);
    }

    [OneTimeTearDown]
    public async Task StopEmulator() => await _setup.DisposeAsync();

    [SetUp]
    public void ResetEmulator() => _setup.Reset();

    [Test]
    public async Task Create_waits_for_a_connection_still_being_set_up_then_accepts_it_once()
    {
        var (serviceId, endpointId) = await ServiceWithNewEndpointAsync();

        var creating = _handler.CreateAsync(
            new CreateRequest<VpcEndpointApprovalInputs> { Urn = "urn:x", Name = "a", Type = VpcEndpointApprovalHandler.TypeToken, Log = new SilentLog(), Inputs = Inputs(serviceId, endpointId) },
            CancellationToken.None);
        await ConnectionReadsAsync(atLeast: 2);
        _clock.Advance(CreateDelay * 2);
        var created = await creating;

        var journal = Emulator.Journal.Entries.ToList();
        var receives = journal.Where(entry => entry.Method == "POST" && entry.Path.EndsWith("/connections/action", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo(serviceId));
            Assert.That(created.State.ToProperties()["endpointIds"], Is.EqualTo(Props.Strings(endpointId)));
            Assert.That(receives, Has.Count.EqualTo(1), "accepted once, when the connection was no longer creating");
            Assert.That(receives[0].Body, Does.Contain("\"receive\""));
            Assert.That(journal.Where(entry => entry.Status >= 400), Is.Empty, "never accepted while creating");
        });
    }

    [Test]
    public async Task Delete_keeps_to_the_engines_timeout()
    {
        var (serviceId, endpointId) = await ServiceWithNewEndpointAsync();
        var state = new VpcEndpointApprovalState { Settings = Inputs(serviceId, endpointId) };
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "connections$", LatencyMs = 10_000, Times = 1 });

        var error = Assert.ThrowsAsync<ProviderException>(() => _handler.DeleteAsync(
            new DeleteRequest<VpcEndpointApprovalState>
            {
                Urn = "urn:x",
                Name = "a",
                Type = VpcEndpointApprovalHandler.TypeToken,
                Log = new SilentLog(),
                Id = serviceId,
                OldState = state,
                Timeout = TimeSpan.FromMilliseconds(300),
            },
            CancellationToken.None));

        Assert.That(error!.Kind, Is.EqualTo(ProviderErrorKind.Timeout));
        Assert.That(error.Message, Does.Contain(serviceId));
    }

    private static VpcEndpointApprovalInputs Inputs(string serviceId, params string[] endpointIds) =>
        new() { ServiceId = serviceId, EndpointIds = InputList<string>.Of(endpointIds) };

    /// <summary>Returns once the emulator has answered <paramref name="atLeast"/> reads of a service's connections: the handler is waiting.</summary>
    private async Task ConnectionReadsAsync(int atLeast)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Emulator.Journal.Entries.Count(entry => entry.Method == "GET" && entry.Path.EndsWith("/connections", StringComparison.Ordinal)) < atLeast)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    /// <summary>A service that needs approval, and an endpoint to it that the emulator reports as creating until its clock moves on.</summary>
    private async Task<(string ServiceId, string EndpointId)> ServiceWithNewEndpointAsync()
    {
        var client = _setup.Clients.Client;
        var created = await client.CreateServiceAsync(
            new CreateServiceRequest
            {
                PortId = Guid.NewGuid().ToString(),
                VpcId = "vpc-1",
                ServerType = "LB",
                ApprovalEnabled = true,
                Ports = [new Otc.CloudClient.PortMapping { ClientPort = 80, ServerPort = 8080, Protocol = "TCP" }],
            },
            CancellationToken.None);
        _clock.Advance(CreateDelay * 2);
        await ServiceWaiter.WaitForAvailableAsync(client, created.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, ConfiguredEmulator.FastPolling, current: created);
        var endpoint = await client.CreateEndpointAsync(
            new CreateEndpointRequest { EndpointServiceId = created.Id, VpcId = "vpc-consumer", SubnetId = "subnet-consumer" }, CancellationToken.None);
        Emulator.Journal.Clear();
        return (created.Id, endpoint.Id);
    }
}
