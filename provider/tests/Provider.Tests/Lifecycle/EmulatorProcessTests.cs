using Otc.CloudClient;
using Otc.Emulator;
using Otc.EmulatorHarness;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>The emulator as a separate process, as the walkthrough and the stack benchmark use it: URL line, admin API, SIGINT.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class EmulatorProcessTests
{
    [Test]
    public async Task AdminApiControlsFaultsJournalAndSettingsAndSigintStopsIt()
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "otc-emulator.dll");
        var emulator = await EmulatorProcess.StartAsync(dll, ["--create-delay-ms", "100"]);
        using var cloud = await OtcClient.ConnectAsync(EmulatorAccount.Owner.ClientOptions(emulator.BaseUrl), CancellationToken.None);

        await emulator.Admin.AddFaultAsync(new FaultSpec { Method = "GET", Path = "/vpc-endpoint-services$", Status = 503, ErrorCode = "APIGW.0201", Times = 1 });
        var refused = Assert.ThrowsAsync<OtcApiException>(() => cloud.ListServicesAsync(null, CancellationToken.None));
        var journal = await emulator.Admin.JournalAsync();
        await emulator.Admin.ClearJournalAsync();
        var cleared = await emulator.Admin.JournalAsync();

        await emulator.Admin.ChangeSettingsAsync(new SettingsChange { FailCreates = true });
        var created = await cloud.CreateServiceAsync(new CreateServiceRequest
        {
            PortId = "port-emulator-process",
            VpcId = "vpc-emulator-process",
            ServerType = "VM",
            Ports = [new PortMapping { ClientPort = 80, ServerPort = 80, Protocol = "TCP" }],
        }, CancellationToken.None);
        var failed = Assert.ThrowsAsync<ServiceFailedException>(() => ServiceWaiter.WaitForAvailableAsync(
            cloud, created.Id, TimeSpan.FromSeconds(30), null, CancellationToken.None, new WaitPolicy { InitialDelay = TimeSpan.FromMilliseconds(100) }));
        await emulator.DisposeAsync();

        Assert.That(emulator.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(refused!.HttpStatus, Is.EqualTo(503));
        Assert.That(journal.Select(call => (call.Method, call.Path, call.Status, call.ProjectId)),
            Is.EqualTo(new[] { ("GET", $"/v1/{EmulatorAccounts.DefaultProjectId}/vpc-endpoint-services", 503, (string?)EmulatorAccounts.DefaultProjectId) }));
        Assert.That(cleared, Is.Empty);
        Assert.That(failed!.Service.Id, Is.EqualTo(created.Id));
        Assert.That(emulator.ExitCode, Is.Zero);
    }
}
