using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>
/// Waits on the connections of a service go through the client's one status poller like services and endpoints:
/// concurrent waits on one service share a list of its connections per tick, a lone wait reads its connection through
/// the list's id filter, and a connection the service no longer lists ends the wait as a 404.
/// </summary>
public sealed class ConnectionWaiterTests : EmulatedTestBase
{
    /// <summary>Slow enough that the waits of one test, started together, fall due within the same tick.</summary>
    private static readonly WaitPolicy Ticks = new() { InitialDelay = TimeSpan.FromMilliseconds(300) };

    [Test]
    public async Task Concurrent_waits_on_one_services_connections_share_one_list_call_per_tick()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var service = await CreateAvailableServiceAsync(client, Samples.Service(approval: true));
        var endpoints = new List<VpcEndpoint>();
        for (var i = 0; i < 6; i++)
        {
            endpoints.Add(await client.CreateEndpointAsync(EndpointFor(service), CancellationToken.None));
        }

        Emulator.Journal.Clear();
        var settled = await Task.WhenAll(endpoints.Select(endpoint =>
            ConnectionWaiter.WaitUntilSettledAsync(client, service.Id, endpoint.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Ticks)));
        var settleLists = ConnectionLists(service.Id, filtered: false);

        Emulator.Journal.Clear();
        var accepting = endpoints.Select(endpoint =>
            ConnectionWaiter.WaitForAcceptedAsync(client, service.Id, endpoint.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Ticks, current: settled.Single(c => c.Id == endpoint.Id)))
            .ToList();
        foreach (var endpoint in endpoints)
        {
            await client.ActOnConnectionAsync(service.Id, ConnectionAction.Receive, endpoint.Id, CancellationToken.None);
        }

        var accepted = await Task.WhenAll(accepting);

        Assert.Multiple(() =>
        {
            Assert.That(settled.Select(connection => connection.Status), Has.All.EqualTo("pendingAcceptance"));
            Assert.That(accepted.Select(connection => connection.Status), Has.All.EqualTo("accepted"));
            Assert.That(accepted.Select(connection => connection.Id), Is.EqualTo(endpoints.Select(endpoint => endpoint.Id)));
            Assert.That(settleLists, Is.Not.Empty);
            Assert.That(settleLists, Has.Count.LessThan(endpoints.Count), "fewer list calls than waits");
            Assert.That(ConnectionLists(service.Id, filtered: true), Is.Empty, "no connection was read on its own");
        });
    }

    [Test]
    public async Task A_lone_wait_reads_its_connection_through_the_id_filter()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var service = await CreateAvailableServiceAsync(client, Samples.Service(approval: true));
        var endpoint = await client.CreateEndpointAsync(EndpointFor(service), CancellationToken.None);
        Emulator.Journal.Clear();

        var settled = await ConnectionWaiter.WaitUntilSettledAsync(client, service.Id, endpoint.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Samples.FastPolling);

        Assert.Multiple(() =>
        {
            Assert.That(settled.Status, Is.EqualTo("pendingAcceptance"));
            Assert.That(ConnectionLists(service.Id, filtered: false), Is.Empty);
            Assert.That(ConnectionLists(service.Id, filtered: true).Select(call => call.Query), Has.All.Contains($"id={endpoint.Id}"));
        });
    }

    [Test]
    public async Task A_connection_the_service_does_not_list_ends_the_wait_as_not_found()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var service = await CreateAvailableServiceAsync(client, Samples.Service(approval: true));

        var error = await FailureOf<OtcApiException>(() =>
            ConnectionWaiter.WaitForAcceptedAsync(client, service.Id, Guid.NewGuid().ToString(), TimeSpan.FromSeconds(20), null, CancellationToken.None, Samples.FastPolling));

        Assert.That(error.IsNotFound, Is.True);
    }

    private static CreateEndpointRequest EndpointFor(EndpointService service) => new()
    {
        EndpointServiceId = service.Id,
        VpcId = Guid.NewGuid().ToString(),
        SubnetId = Guid.NewGuid().ToString(),
    };

    private List<Otc.Emulator.JournalEntry> ConnectionLists(string serviceId, bool filtered) =>
    [
        .. Requests("GET", $"/vpc-endpoint-services/{serviceId}/connections")
            .Where(call => call.Query.Contains("id=", StringComparison.Ordinal) == filtered),
    ];
}
