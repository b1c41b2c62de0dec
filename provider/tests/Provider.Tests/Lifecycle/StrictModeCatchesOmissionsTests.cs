using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Configuration;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.Provider.Tests.Unit;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// The test of the strict-mode tests: the service handler with one strict rule switched off in its own behaviour (its
/// internal <see cref="VpcEndpointServiceHandler.SendsDocumentedModifyDefaults"/> seam, so the PUT leaves
/// <c>approval_enabled</c> and <c>tcp_proxy</c> out, as the provider did before), driven against the same emulator and
/// read back the same way as <see cref="AmbiguousReadingTests"/> does. The strict emulator turns approval back on, so that
/// test's check would fail; the lenient one keeps it off, which is why lenient tests alone could not catch this.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StrictModeCatchesOmissionsTests
{
    private static readonly (bool ApprovalEnabled, string? TcpProxy) Untouched = (false, "toa_open");

    private LifecycleEnvironment _env = null!;
    private OtcClientProvider _clients = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _env = await LifecycleEnvironment.StartAsync(strict: true);
        _clients = new OtcClientProvider();
        await new OtcProviderConfiguration(_clients, _ => null).ConfigureAsync(LifecycleEnvironment.ProviderConfig(_env.Emulator.BaseUrl, maxRetries: 0), new SilentLog(), CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _clients?.Dispose();
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    [TestCase(true, false, true, "close")]
    [TestCase(false, false, false, "toa_open")]
    [TestCase(true, true, false, "toa_open")]
    public async Task A_ports_change_read_back_after_a_put(bool strictEmulator, bool sendsDefaults, bool approvalAfter, string tcpProxyAfter)
    {
        _env.Emulator.Settings.Strict = strictEmulator;
        var handler = new VpcEndpointServiceHandler(_clients, new WaitPolicy { InitialDelay = TimeSpan.FromMilliseconds(50) })
        {
            SendsDocumentedModifyDefaults = sendsDefaults,
        };
        var inputs = ServiceInputs.Base(ServiceInputs.NewPortId()).With("approvalEnabled", false).With("tcpProxy", "toa_open");
        var created = await handler.CreateAsync(new CreateRequest<VpcEndpointServiceInputs>
        {
            Urn = "urn:x",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            Inputs = SchemaRules.ServiceInputs(inputs),
        }, CancellationToken.None);
        _env.Emulator.Journal.Clear();

        await handler.UpdateAsync(new UpdateRequest<VpcEndpointServiceInputs, VpcEndpointServiceState>
        {
            Urn = "urn:x",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            Id = created.Id,
            OldState = created.State,
            OldInputs = SchemaRules.ServiceInputs(inputs),
            NewInputs = SchemaRules.ServiceInputs(inputs.With("ports", ServiceInputs.Ports((80, 8080), (8443, 9443)))),
        }, CancellationToken.None);
        var live = await StrictReadings.ApprovalAndProxyAsync(_env, created.Id);

        var put = _env.Mutations().Single(call => call.Method == "PUT");
        Assert.That(JournalBodies.TopLevelKeys(put.Body), Is.EqualTo(sendsDefaults ? new[] { "approval_enabled", "ports", "tcp_proxy" } : new[] { "ports" }));
        Assert.That(live, Is.EqualTo((approvalAfter, tcpProxyAfter)));
        Assert.That(live == Untouched, Is.EqualTo(!(strictEmulator && !sendsDefaults)),
            "the check of the strict-mode test fails exactly when the omission meets the strict emulator");

        await _clients.Client.DeleteServiceAsync(created.Id, CancellationToken.None);
    }
}
