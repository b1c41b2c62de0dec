using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>A create whose outcome is unknown is never blindly re-posted: the client looks first.</summary>
public sealed class CreateReconciliationTests : EmulatedTestBase
{
    private const string CreatePath = "vpc-endpoint-services$";

    [Test]
    public async Task A_dropped_create_is_looked_up_then_posted_once_more_and_exactly_one_service_exists()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var request = Samples.Service("dropped");
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = CreatePath, Drop = true, Times = 1 });

        var created = await client.CreateServiceAsync(request, CancellationToken.None);

        var sequence = Emulator.Journal.Entries.Select(e => $"{e.Method} {e.Status}").ToList();
        var matching = (await client.ListServicesAsync(null, CancellationToken.None)).Where(s => s.PortId == request.PortId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sequence, Is.EqualTo(new[] { "POST 0", "GET 200", "POST 200" }), "lookup comes between the two posts");
            Assert.That(matching.Select(s => s.Id), Is.EqualTo(new[] { created.Id }));
        });
    }

    [Test]
    public async Task A_create_that_times_out_is_not_duplicated()
    {
        var options = AkSkOptions();
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = options.Region,
            ProjectId = options.ProjectId,
            AccessKey = options.AccessKey,
            SecretKey = options.SecretKey,
            VpcepEndpoint = options.VpcepEndpoint,
            RequestTimeout = TimeSpan.FromMilliseconds(400),
            Log = Output.Add,
        });
        var request = Samples.Service();
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = CreatePath, LatencyMs = 5000, Times = 1 });

        var created = await client.CreateServiceAsync(request, CancellationToken.None);

        var matching = (await client.ListServicesAsync(null, CancellationToken.None)).Where(s => s.PortId == request.PortId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(matching.Select(s => s.Id), Is.EqualTo(new[] { created.Id }));
            Assert.That(Requests("POST", "/vpc-endpoint-services").Count(e => e.Status == 200), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_service_that_exists_after_an_ambiguous_failure_is_adopted_instead_of_posting_again()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var request = Samples.Service("adopted");
        // Stands in for "the lost attempt did create it": the same backend, name and ports now exist.
        var existing = await client.CreateServiceAsync(request, CancellationToken.None);
        Emulator.Journal.Clear();
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = CreatePath, Status = 504, ErrorCode = "EndPoint.0012", ErrorMsg = "Gateway timeout", Times = 1 });

        var adopted = await client.CreateServiceAsync(request, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(adopted.Id, Is.EqualTo(existing.Id));
            Assert.That(Requests("POST", "/vpc-endpoint-services").Count(), Is.EqualTo(1), "no second POST");
            Assert.That(Requests("GET", "/vpc-endpoint-services").Single().Query, Does.Contain("endpoint_service_name=adopted"));
            Assert.That(Output.Lines, Has.Some.Contains($"adopting {existing.Id}"));
        });
    }

    [Test]
    public async Task Throttled_creates_are_simply_retried_without_a_lookup()
    {
        using var client = await ConnectAsync(AkSkOptions());
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = CreatePath, Status = 429, ErrorCode = "APIGW.0308", ErrorMsg = "throttled", Times = 2 });

        await client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        Assert.That(Emulator.Journal.Entries.Select(e => $"{e.Method} {e.Status}"), Is.EqualTo(new[] { "POST 429", "POST 429", "POST 200" }));
    }

    [Test]
    public async Task Persistently_failing_creates_give_up_without_creating_anything()
    {
        var options = AkSkOptions();
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = options.Region,
            ProjectId = options.ProjectId,
            AccessKey = options.AccessKey,
            SecretKey = options.SecretKey,
            VpcepEndpoint = options.VpcepEndpoint,
            MaxRetries = 1,
            Log = Output.Add,
        });
        var request = Samples.Service();
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = CreatePath, Status = 500, ErrorCode = "EndPoint.0001", ErrorMsg = "System error. Please retry." });

        var error = await FailureOf<OtcApiException>(() => client.CreateServiceAsync(request, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(500));
            Assert.That(Requests("POST", "/vpc-endpoint-services").Count(), Is.EqualTo(2));
        });
        Emulator.Faults.Clear();
        Assert.That((await client.ListServicesAsync(null, CancellationToken.None)).Where(s => s.PortId == request.PortId), Is.Empty);
    }

    [Test]
    public async Task A_dropped_endpoint_create_leaves_exactly_one_endpoint()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var service = await CreateAvailableServiceAsync(client);
        var request = new CreateEndpointRequest { EndpointServiceId = service.Id, VpcId = Guid.NewGuid().ToString(), SubnetId = Guid.NewGuid().ToString() };
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = "vpc-endpoints$", Drop = true, Times = 1 });

        var created = await client.CreateEndpointAsync(request, CancellationToken.None);

        var matching = (await client.ListEndpointsAsync(CancellationToken.None)).Where(e => e.VpcId == request.VpcId).ToList();
        Assert.That(matching.Select(e => e.Id), Is.EqualTo(new[] { created.Id }));
    }
}
