using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>Cloud errors arrive as <see cref="OtcApiException"/> with code, message, request id and operation.</summary>
public sealed class ErrorMappingTests : EmulatedTestBase
{
    private IVpcepClient _client = null!;

    [OneTimeSetUp]
    public async Task ConnectOnceAsync() => _client = await ConnectAsync(AkSkOptions());

    [OneTimeTearDown]
    public void DisconnectOnce() => _client.Dispose();

    [Test]
    public async Task Unknown_service_is_not_found_with_the_vpcep_code()
    {
        var error = await FailureOf<OtcApiException>(() => _client.GetServiceAsync(Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.IsNotFound, Is.True);
            Assert.That(error.HttpStatus, Is.EqualTo(404));
            Assert.That(error.ErrorCode, Is.EqualTo("EndPoint.0005"));
            Assert.That(error.Operation, Is.EqualTo("GET vpc-endpoint-services/{id}"));
            Assert.That(error.RequestId, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(error.Message, Does.StartWith("OTC API error 404 EndPoint.0005: ").And.EndWith($"(request id {error.RequestId})"));
        });
    }

    [Test]
    public async Task Invalid_input_is_a_400_carrying_the_message()
    {
        var bad = Samples.Service("not a valid name!");

        var error = await FailureOf<OtcApiException>(() => _client.CreateServiceAsync(bad, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(error.IsNotFound, Is.False);
            Assert.That(error.ErrorCode, Does.StartWith("EndPoint."));
            Assert.That(error.ErrorMessage, Is.Not.Null.And.Not.Empty);
            Assert.That(error.Operation, Is.EqualTo("POST vpc-endpoint-services"));
            Assert.That(Requests("POST", "/vpc-endpoint-services").Count(), Is.EqualTo(1), "a definite rejection is not retried");
        });
    }

    [Test]
    public async Task Port_conflict_is_reported_with_its_code()
    {
        var first = Samples.Service();
        await _client.CreateServiceAsync(first, CancellationToken.None);
        var clash = new CreateServiceRequest { PortId = first.PortId, VpcId = first.VpcId, ServerType = "VM", Ports = first.Ports };

        var error = await FailureOf<OtcApiException>(() => _client.CreateServiceAsync(clash, CancellationToken.None));

        Assert.That(error.ErrorCode, Is.EqualTo("EndPoint.3044"));
    }

    [Test]
    public async Task Gateway_throttling_after_the_throttle_budget_keeps_code_and_request_id()
    {
        var options = AkSkOptions();
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = options.Region,
            ProjectId = options.ProjectId,
            AccessKey = options.AccessKey,
            SecretKey = options.SecretKey,
            VpcepEndpoint = options.VpcepEndpoint,
            MaxRetries = 0,
            ThrottleRetryBudget = TimeSpan.Zero,
            Log = Output.Add,
        });
        Emulator.Faults.Add(new FaultRule { Method = "GET", Status = 429, ErrorCode = "APIGW.0308", ErrorMsg = "The throttling threshold has been reached." });

        var error = await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(429));
            Assert.That(error.ErrorCode, Is.EqualTo("APIGW.0308"));
            Assert.That(error.RequestId, Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public async Task Deleting_a_service_with_an_accepted_endpoint_is_refused()
    {
        var service = await CreateAvailableServiceAsync(_client);
        await _client.CreateEndpointAsync(new CreateEndpointRequest { EndpointServiceId = service.Id, VpcId = Guid.NewGuid().ToString(), SubnetId = Guid.NewGuid().ToString() }, CancellationToken.None);

        var error = await FailureOf<OtcApiException>(() => _client.DeleteServiceAsync(service.Id, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(error.ErrorCode, Is.EqualTo("EndPoint.3006"));
            Assert.That(error.Operation, Is.EqualTo("DELETE vpc-endpoint-services/{id}"));
        });
    }

    [Test]
    public async Task Other_projects_do_not_see_the_service()
    {
        var service = await _client.CreateServiceAsync(Samples.Service(), CancellationToken.None);
        var options = AkSkOptions();
        using var other = await ConnectAsync(new OtcClientOptions
        {
            Region = options.Region,
            ProjectId = EmulatorAccounts.OtherProjectId,
            AccessKey = options.AccessKey,
            SecretKey = options.SecretKey,
            VpcepEndpoint = options.VpcepEndpoint,
            Log = Output.Add,
        });

        var error = await FailureOf<OtcApiException>(() => other.GetServiceAsync(service.Id, CancellationToken.None));

        Assert.That(error.IsNotFound, Is.True);
    }
}
