using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>
/// A burst of calls opens no more connections to a server than <see cref="OtcClientOptions.MaxConnectionsPerServer"/>
/// (the emulator counts the TCP connections it accepts), and a call waiting for a free connection has not started its
/// <see cref="OtcClientOptions.RequestTimeout"/> yet.
/// </summary>
public sealed class ConnectionCapTests : EmulatedTestBase
{
    [Test]
    public async Task A_burst_of_calls_uses_the_capped_number_of_connections_and_no_more()
    {
        using var client = await ConnectAsync(Options(maxConnections: 4, timeout: TimeSpan.FromSeconds(30)));
        var service = await CreateAvailableServiceAsync(client);
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "/vpc-endpoint-services/", LatencyMs = 50 });
        Emulator.Connections.ResetPeak();
        var openBefore = Emulator.Connections.Open;

        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetServiceAsync(service.Id, CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(reads.Select(read => read.Id), Has.All.EqualTo(service.Id));
            Assert.That(openBefore, Is.LessThanOrEqualTo(4), "connections kept from the set-up calls");
            Assert.That(Emulator.Connections.Peak, Is.EqualTo(4), "40 calls at once: exactly the cap, reused");
        });
    }

    [Test]
    public async Task Waiting_for_a_connection_does_not_count_against_the_request_timeout()
    {
        // One connection, ten calls of 250 ms each: the last one waits 2.25 s for its turn, longer than the 1.5 s timeout.
        using var client = await ConnectAsync(Options(maxConnections: 1, timeout: TimeSpan.FromMilliseconds(1500)));
        var service = await CreateAvailableServiceAsync(client);
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "/vpc-endpoint-services/", LatencyMs = 250 });
        Emulator.Journal.Clear();

        var reads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetServiceAsync(service.Id, CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(reads, Has.Length.EqualTo(10));
            Assert.That(Requests("GET", "/vpc-endpoint-services/").Count(), Is.EqualTo(10), "one attempt each: none timed out");
            Assert.That(Output.Lines, Has.None.Contains("timed out"));
        });
    }

    [Test]
    public void A_cap_below_one_is_refused()
    {
        var options = Options(maxConnections: 0, timeout: TimeSpan.FromSeconds(1));

        var error = Assert.ThrowsAsync<OtcConfigurationException>(() => ConnectAsync(options));

        Assert.That(error!.OptionKeys, Is.EqualTo(new[] { nameof(OtcClientOptions.MaxConnectionsPerServer) }));
    }

    private OtcClientOptions Options(int maxConnections, TimeSpan timeout)
    {
        var options = AkSkOptions();
        return new OtcClientOptions
        {
            Region = options.Region,
            ProjectId = options.ProjectId,
            AccessKey = options.AccessKey,
            SecretKey = options.SecretKey,
            VpcepEndpoint = options.VpcepEndpoint,
            MaxRetries = 0,
            RequestTimeout = timeout,
            MaxConnectionsPerServer = maxConnections,
            Log = Output.Add,
        };
    }
}
