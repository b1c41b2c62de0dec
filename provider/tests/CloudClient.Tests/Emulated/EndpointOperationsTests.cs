using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>VPC endpoint operations and the service-side connection decisions.</summary>
public sealed class EndpointOperationsTests : EmulatedTestBase
{
    private IVpcepClient _client = null!;

    [OneTimeSetUp]
    public async Task ConnectOnceAsync() => _client = await ConnectAsync(AkSkOptions());

    [OneTimeTearDown]
    public void DisconnectOnce() => _client.Dispose();

    [Test]
    public async Task Endpoint_is_created_read_listed_and_deleted()
    {
        var service = await CreateAvailableServiceAsync(_client);
        var request = EndpointFor(service);

        var created = await _client.CreateEndpointAsync(request, CancellationToken.None);
        var read = await _client.GetEndpointAsync(created.Id, CancellationToken.None);
        var listed = await _client.ListEndpointsAsync(CancellationToken.None);
        await _client.DeleteEndpointAsync(created.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo("creating"));
            Assert.That(read.EndpointServiceId, Is.EqualTo(service.Id));
            Assert.That(read.VpcId, Is.EqualTo(request.VpcId));
            Assert.That(read.SubnetId, Is.EqualTo(request.SubnetId));
            Assert.That(listed.Select(e => e.Id), Does.Contain(created.Id));
            Assert.That(Requests("DELETE", created.Id).Single().Status, Is.EqualTo(204));
        });
    }

    [Test]
    public async Task An_eighteen_digit_marker_id_arrives_digit_for_digit_in_the_endpoint_and_its_connection()
    {
        var service = await CreateAvailableServiceAsync(_client);
        Emulator.Settings.Strict = true;

        var created = await _client.CreateEndpointAsync(EndpointFor(service), CancellationToken.None);
        var connection = (await _client.ListConnectionsAsync(service.Id, created.Id, CancellationToken.None)).Single();
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/{EmulatorAccounts.DefaultProjectId}/vpc-endpoints/{created.Id}");
        request.Headers.Add("X-Auth-Token", EmulatorAccounts.StaticToken);
        using var response = await http.SendAsync(request);
        var sent = System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "\"marker_id\":([0-9]+)").Groups[1].Value;

        Assert.That(sent, Has.Length.EqualTo(18));
        Assert.That(long.Parse(sent, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(1L << 53), "more than a double holds exactly");
        Assert.That(created.MarkerId, Is.EqualTo(sent));
        Assert.That(connection.MarkerId, Is.EqualTo(sent));
    }

    [Test]
    public async Task Missing_endpoint_is_not_found()
    {
        var error = await FailureOf<OtcApiException>(() => _client.GetEndpointAsync(Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.That(error.IsNotFound, Is.True);
    }

    [Test]
    public async Task Connections_are_listed_received_and_rejected()
    {
        var service = await CreateAvailableServiceAsync(_client, Samples.Service(approval: true));
        var endpoint = await _client.CreateEndpointAsync(EndpointFor(service), CancellationToken.None);
        await WaitWhileCreatingAsync(endpoint.Id);

        var pending = await _client.ListConnectionsAsync(service.Id, CancellationToken.None);
        var received = await _client.ActOnConnectionAsync(service.Id, ConnectionAction.Receive, endpoint.Id, CancellationToken.None);
        var rejected = await _client.ActOnConnectionAsync(service.Id, ConnectionAction.Reject, endpoint.Id, CancellationToken.None);
        var final = await _client.ListConnectionsAsync(service.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(pending.Single().Id, Is.EqualTo(endpoint.Id));
            Assert.That(pending.Single().Status, Is.EqualTo("pendingAcceptance"));
            Assert.That(received.Single().Status, Is.EqualTo("accepted"));
            Assert.That(rejected.Single().Status, Is.EqualTo("rejected"));
            Assert.That(final.Single().Status, Is.EqualTo("rejected"));
            Assert.That(Requests("POST", "/connections/action").Select(e => e.Body), Has.Some.Contains("\"receive\""));
        });
    }

    private static CreateEndpointRequest EndpointFor(EndpointService service) => new()
    {
        EndpointServiceId = service.Id,
        VpcId = Guid.NewGuid().ToString(),
        SubnetId = Guid.NewGuid().ToString(),
        EnableDns = false,
    };

    private async Task WaitWhileCreatingAsync(string endpointId)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await _client.GetEndpointAsync(endpointId, CancellationToken.None)).Status != "creating")
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"endpoint {endpointId} stayed in creating");
    }
}
