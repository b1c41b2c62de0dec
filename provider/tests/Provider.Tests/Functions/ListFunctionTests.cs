using Grpc.Core;
using Otc.CloudClient;
using Otc.Emulator;
using Otc.EngineHarness;
using Otc.Provider.Tests.Lifecycle;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Functions;

/// <summary>
/// The list and quota lookups through the Invoke RPC of the published binary, against an emulator whose pages hold two
/// items (its <c>PageCap</c>), so five services and seven endpoints take three and four pages: every item comes back,
/// every filter reaches the API as its query parameter and narrows the answer, and arguments the API cannot use fail
/// naming the argument and the rule without a call to the cloud. Both readings of the API reference: the strict one
/// refuses an offset at or past the total and the undocumented connection status filters.
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
[Parallelizable(ParallelScope.Self)]
public sealed class ListFunctionTests(bool strict)
{
    private const int PageCap = 2;

    private LifecycleEnvironment _env = null!;
    private List<EndpointService> _services = null!;
    private List<VpcEndpoint> _firstServiceEndpoints = null!;
    private List<VpcEndpoint> _secondServiceEndpoints = null!;
    private List<string> _accepted = null!;

    private EndpointService FirstService => _services[0];

    private string FirstVpc => $"vpc-first-{FirstService.Id[..8]}";

    private string SecondVpc => $"vpc-second-{FirstService.Id[..8]}";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _env = await LifecycleEnvironment.StartAsync(strict: strict);
        _env.Emulator.Settings.CreateDelay = TimeSpan.Zero;
        using var cloud = await _env.CloudAsync();
        _services = [.. await Task.WhenAll(Enumerable.Range(0, 5).Select(index => cloud.CreateServiceAsync(new CreateServiceRequest
        {
            PortId = $"port-{Guid.NewGuid()}",
            VpcId = "backend-vpc",
            ServerType = "VM",
            ServiceName = $"listed-{index}",
            ApprovalEnabled = true,
            Ports = [new CloudClient.PortMapping { ClientPort = 80, ServerPort = 8080 + index, Protocol = "TCP" }],
        }, CancellationToken.None)))];
        _services = [.. await Task.WhenAll(_services.Select(service => cloud.GetServiceAsync(service.Id, CancellationToken.None)))];

        // Five endpoints to the first service (three in one VPC, two in another), two to the second.
        _firstServiceEndpoints = [.. await Task.WhenAll(Enumerable.Range(0, 5).Select(index => CreateEndpointAsync(cloud, FirstService.Id, index < 3 ? FirstVpc : SecondVpc)))];
        _secondServiceEndpoints = [.. await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => CreateEndpointAsync(cloud, _services[1].Id, SecondVpc)))];
        _accepted = [_firstServiceEndpoints[0].Id, _firstServiceEndpoints[3].Id];
        foreach (var endpointId in _accepted)
        {
            await cloud.ActOnConnectionAsync(FirstService.Id, ConnectionAction.Receive, endpointId, CancellationToken.None);
        }

        _env.Emulator.Settings.PageCap = PageCap;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    [SetUp]
    public void ClearJournal() => _env.Emulator.Journal.Clear();

    [Test]
    public async Task GetVpcEndpointServices_returns_every_page_with_each_services_details()
    {
        var (result, failures) = await InvokeAsync("otc:vpcep:getVpcEndpointServices", []);

        var services = Objects(result["services"]);
        var pages = Gets(_env.ServicesPath);
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(services.Select(service => Text(service, "id")), Is.EquivalentTo(_services.Select(service => service.Id)));
            Assert.That(pages, Has.Count.EqualTo(3), "five services in pages of two");
            Assert.That(pages.Select(page => page.Status), Has.All.EqualTo(200));
        });
        var first = services.Single(service => Text(service, "id") == FirstService.Id);
        Assert.Multiple(() =>
        {
            Assert.That(Text(first, "fullServiceName"), Is.EqualTo($"eu-de.listed-0.{FirstService.Id}"));
            Assert.That(Text(first, "serviceName"), Is.EqualTo("listed-0"));
            Assert.That(Text(first, "status"), Is.EqualTo("available"));
            Assert.That(first["approvalEnabled"].ValueEquals(true), Is.True);
            Assert.That(first["connectionCount"].ValueEquals(2), Is.True, "the two accepted endpoints");
            Assert.That(Objects(first["ports"]).Single()["serverPort"].ValueEquals(8080), Is.True);
            Assert.That(Text(first, "serverType"), Is.EqualTo("VM"));
            Assert.That(Text(first, "domainId"), Is.EqualTo(EmulatorAccounts.DomainId));
            Assert.That(Text(first, "projectId"), Is.EqualTo(_env.ProjectId));
        });
    }

    [Test]
    public async Task GetVpcEndpointServices_sends_each_filter_as_its_query_parameter_and_answers_what_matches()
    {
        var (byName, _) = await InvokeAsync("otc:vpcep:getVpcEndpointServices", [("name", "LISTED-3")]);
        var (byStatus, _) = await InvokeAsync("otc:vpcep:getVpcEndpointServices", [("status", "Available")]);
        var (byId, _) = await InvokeAsync("otc:vpcep:getVpcEndpointServices", [("id", _services[4].Id)]);
        var (none, _) = await InvokeAsync("otc:vpcep:getVpcEndpointServices", [("status", "failed")]);

        var queries = Gets(_env.ServicesPath).Select(entry => entry.Query).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Objects(byName["services"]).Select(service => Text(service, "id")), Is.EqualTo(new[] { _services[3].Id }));
            Assert.That(Objects(byStatus["services"]), Has.Count.EqualTo(5));
            Assert.That(Text(byStatus, "status"), Is.EqualTo("available"), "the filter in the API's spelling");
            Assert.That(Objects(byId["services"]).Select(service => Text(service, "id")), Is.EqualTo(new[] { _services[4].Id }));
            Assert.That(Objects(none["services"]), Is.Empty);
            Assert.That(queries, Has.Some.Contains("endpoint_service_name=LISTED-3"));
            Assert.That(queries, Has.Some.Contains("status=available"));
            Assert.That(queries, Has.Some.Contains($"id={_services[4].Id}"));
        });
    }

    [Test]
    public async Task GetVpcEndpoints_returns_every_page_and_filters_by_vpc_service_name_and_id()
    {
        var (all, failures) = await InvokeAsync("otc:vpcep:getVpcEndpoints", []);
        var allPages = Gets(_env.EndpointsPath).Count;
        var (inFirstVpc, _) = await InvokeAsync("otc:vpcep:getVpcEndpoints", [("vpcId", FirstVpc)]);
        var (toSecondService, _) = await InvokeAsync("otc:vpcep:getVpcEndpoints", [("serviceName", "listed-1")]);
        var (one, _) = await InvokeAsync("otc:vpcep:getVpcEndpoints", [("id", _firstServiceEndpoints[4].Id)]);

        var endpoints = Objects(all["endpoints"]);
        var accepted = endpoints.Single(endpoint => Text(endpoint, "id") == _accepted[0]);
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(endpoints.Select(endpoint => Text(endpoint, "id")), Is.EquivalentTo(_firstServiceEndpoints.Concat(_secondServiceEndpoints).Select(endpoint => endpoint.Id)));
            Assert.That(allPages, Is.EqualTo(4), "seven endpoints in pages of two");
            Assert.That(Objects(inFirstVpc["endpoints"]).Select(endpoint => Text(endpoint, "id")), Is.EquivalentTo(_firstServiceEndpoints.Take(3).Select(endpoint => endpoint.Id)));
            Assert.That(Objects(toSecondService["endpoints"]).Select(endpoint => Text(endpoint, "id")), Is.EquivalentTo(_secondServiceEndpoints.Select(endpoint => endpoint.Id)));
            Assert.That(Objects(one["endpoints"]).Select(endpoint => Text(endpoint, "id")), Is.EqualTo(new[] { _firstServiceEndpoints[4].Id }));
            Assert.That(Text(inFirstVpc, "vpcId"), Is.EqualTo(FirstVpc), "the filter as given");
            Assert.That(Text(accepted, "status"), Is.EqualTo("accepted"));
            Assert.That(Text(accepted, "serviceId"), Is.EqualTo(FirstService.Id));
            Assert.That(Text(accepted, "serviceName"), Is.EqualTo($"eu-de.listed-0.{FirstService.Id}"));
            Assert.That(Text(accepted, "serviceType"), Is.EqualTo("interface"));
            Assert.That(Text(accepted, "markerId"), Does.Match("^[0-9]+$"));
            Assert.That(Text(accepted, "specificationName"), Is.EqualTo("default"));
            Assert.That(Text(accepted, "enableStatus"), Is.EqualTo("enable"));
            Assert.That(accepted["activeStatus"].TryGetArray(out var active) && active.Length > 0, Is.True);
            Assert.That(Gets(_env.EndpointsPath).Select(entry => entry.Query), Has.Some.Contains($"vpc_id={FirstVpc}").And.Some.Contains("endpoint_service_name=listed-1"));
        });
    }

    [Test]
    public async Task GetVpcEndpointServiceConnections_returns_every_page_and_filters_by_status_and_marker_id()
    {
        var (all, failures) = await InvokeAsync("otc:vpcep:getVpcEndpointServiceConnections", [("serviceId", FirstService.Id)]);
        var connectionsPath = _env.ServicePath(FirstService.Id) + "/connections";
        var allPages = Gets(connectionsPath).Count;
        var (accepted, _) = await InvokeAsync("otc:vpcep:getVpcEndpointServiceConnections", [("serviceId", FirstService.Id), ("status", "ACCEPTED")]);
        var (pending, _) = await InvokeAsync("otc:vpcep:getVpcEndpointServiceConnections", [("serviceId", FirstService.Id), ("status", "pendingacceptance")]);
        var marker = _firstServiceEndpoints[2].MarkerId!;
        var (byMarker, _) = await InvokeAsync("otc:vpcep:getVpcEndpointServiceConnections", [("serviceId", FirstService.Id), ("markerId", marker)]);

        var connections = Objects(all["connections"]);
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(connections.Select(connection => Text(connection, "endpointId")), Is.EquivalentTo(_firstServiceEndpoints.Select(endpoint => endpoint.Id)));
            Assert.That(allPages, Is.EqualTo(3), "five connections in pages of two");
            Assert.That(connections.Select(connection => Text(connection, "domainId")), Has.All.EqualTo(EmulatorAccounts.DomainId));
            Assert.That(Text(all, "serviceId"), Is.EqualTo(FirstService.Id));
            Assert.That(Objects(accepted["connections"]).Select(connection => Text(connection, "endpointId")), Is.EquivalentTo(_accepted));
            Assert.That(Text(accepted, "status"), Is.EqualTo("accepted"));
            Assert.That(Objects(pending["connections"]).Select(connection => Text(connection, "status")), Is.EqualTo(Enumerable.Repeat("pendingAcceptance", 3)));
            Assert.That(Objects(byMarker["connections"]).Select(connection => Text(connection, "endpointId")), Is.EqualTo(new[] { _firstServiceEndpoints[2].Id }));
            Assert.That(Objects(byMarker["connections"]).Single()["markerId"].ValueEquals(marker), Is.True, "every digit of the marker id");
            Assert.That(Gets(connectionsPath).Select(entry => entry.Query), Has.Some.Contains("status=pendingAcceptance").And.Some.Contains($"marker_id={marker}"));
        });
    }

    [Test]
    public async Task GetQuotas_answers_used_and_allowed_per_resource_type()
    {
        var (both, failures) = await InvokeAsync("otc:vpcep:getQuotas", []);
        var (endpoints, _) = await InvokeAsync("otc:vpcep:getQuotas", [("type", "Endpoint")]);

        var quotas = Objects(both["quotas"]).ToDictionary(quota => Text(quota, "type"));
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(quotas.Keys, Is.EquivalentTo(new[] { "endpoint_service", "endpoint" }));
            Assert.That(quotas["endpoint_service"]["used"].ValueEquals(5), Is.True);
            Assert.That(quotas["endpoint"]["used"].ValueEquals(7), Is.True);
            Assert.That(quotas["endpoint"]["quota"].ValueEquals(200), Is.True);
            Assert.That(Objects(endpoints["quotas"]).Select(quota => Text(quota, "type")), Is.EqualTo(new[] { "endpoint" }));
            Assert.That(Text(endpoints, "type"), Is.EqualTo("endpoint"));
            Assert.That(Gets($"/v1/{_env.ProjectId}/quotas").Select(entry => entry.Query), Has.Some.Contains("type=endpoint"));
        });
    }

    private static IEnumerable<TestCaseData> BadArguments()
    {
        TestCaseData Case(string token, (string, string)[] args, string property, string rule, string name) =>
            new TestCaseData(token, args, property, rule).SetName($"{{m}}({name})");

        yield return Case("otc:vpcep:getVpcEndpointServices", [("status", "ready")], "status", "must be one of creating, available, failed, deleting", "service status outside the vocabulary");
        yield return Case("otc:vpcep:getVpcEndpointServices", [("id", "not an id")], "id", "must be an ID of letters, digits and '-'", "malformed service id");
        yield return Case("otc:vpcep:getVpcEndpoints", [("vpcId", "vpc/../other")], "vpcId", "must be an ID of letters, digits and '-'", "malformed vpc id");
        yield return Case("otc:vpcep:getVpcEndpointServiceConnections", [], "serviceId", "missing required property 'serviceId'", "no service id");
        yield return Case("otc:vpcep:getVpcEndpointServiceConnections", [("serviceId", "")], "serviceId", "'serviceId' is required", "empty service id");
        yield return Case("otc:vpcep:getVpcEndpointServiceConnections", [("serviceId", "x"), ("status", "creating")], "status", "must be one of pendingAcceptance, accepted, rejected, failed", "undocumented connection status filter");
        yield return Case("otc:vpcep:getVpcEndpointServiceConnections", [("serviceId", "x"), ("markerId", "12ab")], "markerId", "must be the decimal digits", "marker id with letters");
        yield return Case("otc:vpcep:getQuotas", [("type", "endpoints")], "type", "must be one of endpoint_service, endpoint", "quota type outside the vocabulary");
    }

    [TestCaseSource(nameof(BadArguments))]
    public async Task An_argument_the_api_cannot_use_fails_naming_it_and_the_rule_before_any_call(string token, (string, string)[] args, string property, string rule)
    {
        var (_, failures) = await InvokeAsync(token, args);

        Assert.That(failures.Select(failure => failure.Property), Is.EqualTo(new[] { property }));
        Assert.That(failures[0].Reason, Does.Contain(rule));
        Assert.That(_env.Calls(), Is.Empty, "nothing reaches the cloud");
    }

    [Test]
    public async Task Connections_of_a_service_the_project_does_not_have_are_not_found_with_otcs_code()
    {
        var missing = Guid.NewGuid().ToString();

        var error = Assert.ThrowsAsync<RpcException>(() => InvokeAsync("otc:vpcep:getVpcEndpointServiceConnections", [("serviceId", missing)]));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(error.Status.Detail, Does.Contain(missing).And.Contain("EndPoint.0005"));
    }

    private async Task<(PropertyMap Return, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(string token, (string Name, string Value)[] args)
    {
        var arguments = PropertyMap.From(args.Select(arg => KeyValuePair.Create(arg.Name, PropertyValue.From(arg.Value))));
        var response = await _env.Provider.Client.InvokeAsync(new InvokeRequest { Tok = token, Args = PropertyCodec.Encode(arguments) });
        return (PropertyCodec.Decode(response.Return), [.. response.Failures]);
    }

    private List<JournalEntry> Gets(string path) => [.. _env.Calls().Where(entry => entry.Method == "GET" && entry.Path == path)];

    private static List<PropertyMap> Objects(PropertyValue value) =>
        value.TryGetArray(out var items) ? [.. items.Select(item => item.TryGetObject(out var map) ? map : throw new AssertionException($"not an object: {item}"))] : throw new AssertionException($"not a list: {value}");

    private static string Text(PropertyMap map, string key) =>
        map.TryGetValue(key, out var value) && value.TryGetString(out var text) ? text : throw new AssertionException($"'{key}' is not a string in {map}");

    private static async Task<VpcEndpoint> CreateEndpointAsync(IVpcepClient cloud, string serviceId, string vpcId) =>
        await cloud.CreateEndpointAsync(new CreateEndpointRequest { EndpointServiceId = serviceId, VpcId = vpcId, SubnetId = "subnet-1" }, CancellationToken.None);
}
