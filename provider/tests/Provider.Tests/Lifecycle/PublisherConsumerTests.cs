using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Otc.Emulator;
using Otc.EngineHarness;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// The whole VPCEP workflow across two accounts, each with its own provider process: the owner publishes a service with
/// approval on and whitelists the consumer's account; the consumer finds it by its full name (getVpcEndpointService) and
/// connects an endpoint, which waits in pendingAcceptance; the owner's approval accepts it; destroying in dependency
/// order leaves the cloud empty. Also the two functions through the Invoke RPC.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class PublisherConsumerTests
{
    private LifecycleEnvironment _env = null!;
    private ProviderProcess _consumer = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _env = await LifecycleEnvironment.StartAsync();
        _consumer = await _env.StartForeignProviderAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_consumer is not null)
        {
            await _consumer.DisposeAsync();
        }

        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    private static async Task<(PropertyMap Return, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(ProviderProcess provider, string token, PropertyMap args)
    {
        var response = await provider.Client.InvokeAsync(new InvokeRequest { Tok = token, Args = PropertyCodec.Encode(args) });
        return (PropertyCodec.Decode(response.Return), [.. response.Failures]);
    }

    [Test]
    public async Task An_owner_and_a_consumer_in_two_accounts_connect_approve_and_tear_down_in_dependency_order()
    {
        var services = _env.NewStack();
        var approvals = _env.NewStack(LifecycleEnvironment.ApprovalType);
        var endpoints = new EngineSimulator(_consumer, project: "consumer").OfType(LifecycleEnvironment.EndpointType);
        var service = await services.UpAsync("published", ServiceInputs.Base(ServiceInputs.NewPortId())
            .With("permissions", ServiceInputs.Strings(EmulatorAccounts.ForeignDomainId)));
        var fullName = service.Outputs!["fullServiceName"].TryGetString(out var name) ? name : "";

        // The consumer knows only the full name the owner handed over.
        var (found, _) = await InvokeAsync(_consumer, "otc:vpcep:getVpcEndpointService", PropertyMap.From([KeyValuePair.Create("name", PropertyValue.From(fullName))]));
        var serviceId = found["id"].TryGetString(out var id) ? id : "";
        var endpoint = await endpoints.UpAsync("consumer-endpoint", EndpointInputs.Interface(serviceId));
        var approval = await approvals.UpAsync("approval", PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["serviceId"] = serviceId,
            ["endpointIds"] = ServiceInputs.Strings(endpoint.Id),
        }));
        var consumerView = await endpoints.RefreshAsync("consumer-endpoint");
        var inUse = Assert.ThrowsAsync<ResourceOperationException>(() => services.DestroyAsync("published"));

        Assert.That(serviceId, Is.EqualTo(service.Id));
        Assert.That(found.ContainsKey("status"), Is.False, "another account's service shows only what describe tells");
        Assert.That(endpoint.Outputs!["status"].ValueEquals("pendingAcceptance"), Is.True);
        Assert.That(endpoint.Outputs["projectId"].ValueEquals(EmulatorAccounts.ForeignProjectId), Is.True);
        Assert.That(approval.Outputs!["connections"].TryGetArray(out var connections)
            && connections.Single().TryGetObject(out var connection)
            && connection["domainId"].ValueEquals(EmulatorAccounts.ForeignDomainId)
            && connection["status"].ValueEquals("accepted"), Is.True);
        Assert.That(consumerView.HasDrift, Is.False);
        Assert.That(consumerView.OutputsAfter["status"].ValueEquals("accepted"), Is.True, "the consumer sees the owner's approval");
        Assert.That(inUse!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
        Assert.That(inUse.StatusDetail, Does.Contain(endpoint.Id), "deleting a service in use names its endpoints");

        // Dependency order: the approval, the endpoint, then the service.
        await approvals.DestroyAsync("approval");
        await endpoints.DestroyAsync("consumer-endpoint");
        await services.DestroyAsync("published");

        Assert.That(_env.Emulator.ResourceCounts(), Is.EqualTo((0, 0)), "no service and no endpoint left, in any project");
        var (remaining, _) = await InvokeAsync(_consumer, "otc:vpcep:getPublicServices", PropertyMap.Empty);
        Assert.That(remaining["services"].TryGetArray(out var publicServices) && publicServices.Length == 2, Is.True, "only OTC's own public services are left");
    }

    [Test]
    public async Task An_endpoint_of_an_account_that_is_not_whitelisted_is_refused_with_otcs_error()
    {
        var services = _env.NewStack();
        var endpoints = new EngineSimulator(_consumer, project: "consumer").OfType(LifecycleEnvironment.EndpointType);
        var service = await services.UpAsync("private", ServiceInputs.Base(ServiceInputs.NewPortId()).With("permissions", ServiceInputs.Strings()));

        var refused = Assert.ThrowsAsync<ResourceOperationException>(() => endpoints.UpAsync("refused", EndpointInputs.Interface(service.Id)));

        Assert.That(refused!.StatusDetail, Does.Contain("EndPoint.2012"));
        Assert.That(refused.InitFailed, Is.Null);
        await services.DestroyAsync("private");
    }

    [Test]
    public async Task GetVpcEndpointService_by_id_in_the_owners_account_adds_the_details()
    {
        var services = _env.NewStack();
        var service = await services.UpAsync("looked-up", ServiceInputs.Base(ServiceInputs.NewPortId()));

        var (found, failures) = await InvokeAsync(_env.Provider, "otc:vpcep:getVpcEndpointService", PropertyMap.From([KeyValuePair.Create("id", PropertyValue.From(service.Id))]));

        Assert.That(failures, Is.Empty);
        Assert.That(found["id"].ValueEquals(service.Id), Is.True);
        Assert.That(found["fullServiceName"].ValueEquals(service.Outputs!["fullServiceName"]), Is.True);
        Assert.That(found["serviceName"].ValueEquals("lifecycle"), Is.True);
        Assert.That(found["serviceType"].ValueEquals("interface"), Is.True);
        Assert.That(found["isCharge"].ValueEquals(false), Is.True);
        Assert.That(found["status"].ValueEquals("available"), Is.True);
        Assert.That(found["approvalEnabled"].ValueEquals(true), Is.True);
        Assert.That(found["ports"].TryGetArray(out var ports) && ports.Length == 2, Is.True);
        await services.DestroyAsync("looked-up");
    }

    [Test]
    public async Task GetVpcEndpointService_names_what_is_wrong_with_its_arguments_and_a_missing_service()
    {
        var (_, neither) = await InvokeAsync(_env.Provider, "otc:vpcep:getVpcEndpointService", PropertyMap.Empty);
        var (_, both) = await InvokeAsync(_env.Provider, "otc:vpcep:getVpcEndpointService", PropertyMap.From(
            [KeyValuePair.Create("id", PropertyValue.From("x")), KeyValuePair.Create("name", PropertyValue.From("eu-de.y.x"))]));
        var missing = Assert.ThrowsAsync<RpcException>(() =>
            InvokeAsync(_env.Provider, "otc:vpcep:getVpcEndpointService", PropertyMap.From([KeyValuePair.Create("name", PropertyValue.From("eu-de.nothing.here"))])));

        Assert.That(neither.Select(failure => failure.Property), Is.EqualTo(new[] { "id" }));
        Assert.That(neither[0].Reason, Does.Contain("exactly one of 'id' and 'name'"));
        Assert.That(both.Select(failure => failure.Property), Is.EqualTo(new[] { "name" }));
        Assert.That(missing!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(missing.Status.Detail, Does.Contain("eu-de.nothing.here"));
    }

    [Test]
    public async Task GetPublicServices_lists_every_public_service_or_those_matching_a_name()
    {
        var (all, _) = await InvokeAsync(_env.Provider, "otc:vpcep:getPublicServices", PropertyMap.Empty);
        var (obs, _) = await InvokeAsync(_env.Provider, "otc:vpcep:getPublicServices", PropertyMap.From([KeyValuePair.Create("name", PropertyValue.From("OBS"))]));

        Assert.That(all["services"].TryGetArray(out var services) && services.Length == 2, Is.True);
        Assert.That(obs["services"].TryGetArray(out var matches) && matches.Length == 1, Is.True);
        Assert.That(matches![0].TryGetObject(out var service)
            && service["serviceName"].ValueEquals("com.t-systems.otc.eu-de.obs")
            && service["serviceType"].ValueEquals("gateway")
            && service["owner"].ValueEquals("OTC"), Is.True);
        Assert.That(obs["name"].ValueEquals("OBS"), Is.True);
    }
}
