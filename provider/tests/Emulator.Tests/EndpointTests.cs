using System.Net;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>Consumer endpoints, approval through connections, whitelist enforcement and delete protection.</summary>
public class EndpointTests
{
    private EmulatorSession _session = null!;

    private string EndpointsPath(string project = EmulatorSession.Project) => $"/v1/{project}/vpc-endpoints";

    [SetUp]
    public async Task StartAsync() => _session = await EmulatorSession.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    private async Task<ApiReply> CreateEndpointAsync(string serviceId, string project = EmulatorSession.Project) =>
        await _session.PostAsync(EndpointsPath(project), new { endpoint_service_id = serviceId, vpc_id = "consumer-vpc", subnet_id = "consumer-subnet" });

    private async Task<string> CreateEndpointIdAsync(string serviceId)
    {
        var reply = await CreateEndpointAsync(serviceId);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Json?.ToJsonString());
        return reply.Body["id"]!.GetValue<string>();
    }

    [TestCase(true, "pendingAcceptance")]
    [TestCase(false, "accepted")]
    public async Task An_endpoint_moves_from_creating_according_to_the_services_approval(bool approval, string expected)
    {
        var serviceId = await _session.CreateAvailableServiceAsync(approval: approval);
        var created = await CreateEndpointAsync(serviceId);
        var endpointId = created.Body["id"]!.GetValue<string>();
        _session.Settle();

        var endpoint = (await _session.GetAsync($"{EndpointsPath()}/{endpointId}")).Body;

        Assert.That(created.Body["status"]!.GetValue<string>(), Is.EqualTo("creating"));
        Assert.That(created.Body["endpoint_service_name"]!.GetValue<string>(), Is.EqualTo($"eu-de.svc.{serviceId}"));
        Assert.That(endpoint["status"]!.GetValue<string>(), Is.EqualTo(expected));
        Assert.That(endpoint["ip"] is not null, Is.EqualTo(!approval));
    }

    [Test]
    public async Task Receive_accepts_and_reject_rejects_a_pending_connection()
    {
        var serviceId = await _session.CreateAvailableServiceAsync();
        var endpointId = await CreateEndpointIdAsync(serviceId);
        _session.Settle();
        var action = $"{_session.ServicesPath}/{serviceId}/connections/action";

        var pending = (await _session.GetAsync($"{_session.ServicesPath}/{serviceId}/connections")).Body;
        var received = await _session.PostAsync(action, new { action = "receive", endpoints = new[] { endpointId } });
        var countAfterReceive = (await _session.GetAsync(_session.ServicesPath)).Body["endpoint_services"]![0]!["connection_count"]!.GetValue<int>();
        var rejected = await _session.PostAsync(action, new { action = "reject", endpoints = new[] { endpointId } });
        var endpoint = (await _session.GetAsync($"{EndpointsPath()}/{endpointId}")).Body;

        var connection = pending["connections"]!.AsArray().Single()!;
        Assert.That(connection["status"]!.GetValue<string>(), Is.EqualTo("pendingAcceptance"));
        Assert.That(connection["domain_id"]!.GetValue<string>(), Is.EqualTo(EmulatorAccounts.DomainId));
        Assert.That(connection["marker_id"]!.GetValue<long>(), Is.InRange(100_000_000L, 999_999_999L), "nine digits, like the documented examples");
        Assert.That(received.Body["connections"]![0]!["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
        Assert.That(countAfterReceive, Is.EqualTo(1));
        Assert.That(rejected.Body["connections"]![0]!["status"]!.GetValue<string>(), Is.EqualTo("rejected"));
        Assert.That(endpoint["status"]!.GetValue<string>(), Is.EqualTo("rejected"));
    }

    [Test]
    public async Task Connection_actions_take_exactly_one_endpoint_that_belongs_to_the_service()
    {
        var serviceId = await _session.CreateAvailableServiceAsync("one", portId: "a");
        var otherServiceId = await _session.CreateAvailableServiceAsync("two", portId: "b");
        var endpointId = await CreateEndpointIdAsync(otherServiceId);
        _session.Settle();
        var action = $"{_session.ServicesPath}/{serviceId}/connections/action";

        var two = await _session.PostAsync(action, new { action = "receive", endpoints = new[] { endpointId, endpointId } });
        var none = await _session.PostAsync(action, new { action = "receive", endpoints = Array.Empty<string>() });
        var foreign = await _session.PostAsync(action, new { action = "receive", endpoints = new[] { endpointId } });
        var badVerb = await _session.PostAsync(action, new { action = "accept", endpoints = new[] { endpointId } });

        Assert.That(two.ErrorCode, Is.EqualTo("EndPoint.2031"));
        Assert.That(none.ErrorCode, Is.EqualTo("EndPoint.2031"));
        Assert.That(foreign.ErrorCode, Is.EqualTo("Endpoint.2013"));
        Assert.That(badVerb.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Connections_cannot_be_acted_on_while_the_endpoint_is_creating_or_deleting()
    {
        var serviceId = await _session.CreateAvailableServiceAsync();
        var endpointId = await CreateEndpointIdAsync(serviceId);
        var action = $"{_session.ServicesPath}/{serviceId}/connections/action";

        var whileCreating = await _session.PostAsync(action, new { action = "receive", endpoints = new[] { endpointId } });
        _session.Settle();
        await _session.DeleteAsync($"{EndpointsPath()}/{endpointId}");
        var whileDeleting = await _session.PostAsync(action, new { action = "receive", endpoints = new[] { endpointId } });

        Assert.That(whileCreating.ErrorCode, Is.EqualTo("EndPoint.2019"));
        Assert.That(whileDeleting.ErrorCode, Is.EqualTo("EndPoint.2018"));
    }

    [TestCase("endpoint_service_id", "EndPoint.2029")]
    [TestCase("vpc_id", "EndPoint.2011")]
    [TestCase("subnet_id", "EndPoint.2010")]
    public async Task Endpoint_create_needs_its_required_fields(string missing, string expectedCode)
    {
        var serviceId = await _session.CreateAvailableServiceAsync();
        var body = new Dictionary<string, string>
        {
            ["endpoint_service_id"] = serviceId,
            ["vpc_id"] = "consumer-vpc",
            ["subnet_id"] = "consumer-subnet",
        };
        body.Remove(missing);

        var reply = await _session.PostAsync(EndpointsPath(), body);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorCode, Is.EqualTo(expectedCode));
    }

    [Test]
    public async Task Deleting_a_service_with_accepted_or_creating_endpoints_is_refused_naming_them()
    {
        var serviceId = await _session.CreateAvailableServiceAsync(approval: false);
        var endpointId = await CreateEndpointIdAsync(serviceId);

        var whileCreating = await _session.DeleteAsync($"{_session.ServicesPath}/{serviceId}");
        _session.Settle();
        var whileAccepted = await _session.DeleteAsync($"{_session.ServicesPath}/{serviceId}");
        await _session.DeleteAsync($"{EndpointsPath()}/{endpointId}");
        var afterEndpointDelete = await _session.DeleteAsync($"{_session.ServicesPath}/{serviceId}");

        Assert.That(whileCreating.ErrorCode, Is.EqualTo("EndPoint.3006"));
        Assert.That(whileCreating.Body["error_msg"]!.GetValue<string>(), Does.Contain(endpointId));
        Assert.That(whileAccepted.ErrorCode, Is.EqualTo("EndPoint.3006"));
        Assert.That(afterEndpointDelete.Status, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Another_domain_needs_a_whitelist_entry_to_connect()
    {
        var serviceId = await _session.CreateAvailableServiceAsync(approval: false);
        _session.Token = EmulatorAccounts.ForeignStaticToken;
        var refused = await CreateEndpointAsync(serviceId, EmulatorAccounts.ForeignProjectId);

        _session.Token = EmulatorAccounts.StaticToken;
        await _session.PostAsync($"{_session.ServicesPath}/{serviceId}/permissions/action", new
        {
            action = "add",
            permissions = new[] { "iam:domain::" + EmulatorAccounts.ForeignDomainId },
        });
        _session.Token = EmulatorAccounts.ForeignStaticToken;
        var allowed = await CreateEndpointAsync(serviceId, EmulatorAccounts.ForeignProjectId);

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.ErrorCode, Is.EqualTo("EndPoint.2012"));
        Assert.That(allowed.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(allowed.Body["project_id"]!.GetValue<string>(), Is.EqualTo(EmulatorAccounts.ForeignProjectId));
    }

    [Test]
    public async Task A_wildcard_whitelist_admits_every_domain()
    {
        var serviceId = await _session.CreateAvailableServiceAsync();
        await _session.PostAsync($"{_session.ServicesPath}/{serviceId}/permissions/action", new { action = "add", permissions = new[] { "*" } });
        _session.Token = EmulatorAccounts.ForeignStaticToken;

        var reply = await CreateEndpointAsync(serviceId, EmulatorAccounts.ForeignProjectId);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Missing_services_and_endpoints_have_their_own_codes()
    {
        var missingService = await CreateEndpointAsync("no-such-service");
        var missingEndpoint = await _session.GetAsync($"{EndpointsPath()}/no-such-endpoint");
        var deleteMissing = await _session.DeleteAsync($"{EndpointsPath()}/no-such-endpoint");
        var creatingService = await CreateEndpointAsync(await _session.CreateServiceAsync("young", portId: "young"));

        Assert.That(missingService.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(missingService.ErrorCode, Is.EqualTo("EndPoint.2003"));
        Assert.That(missingEndpoint.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missingEndpoint.ErrorCode, Is.EqualTo("EndPoint.2006"));
        Assert.That(deleteMissing.ErrorCode, Is.EqualTo("EndPoint.2006"));
        Assert.That(creatingService.ErrorCode, Is.EqualTo("EndPoint.2004"));
    }

    [Test]
    public async Task Endpoints_are_listed_and_deleted_through_deleting_to_404()
    {
        var serviceId = await _session.CreateAvailableServiceAsync(approval: false);
        var endpointId = await CreateEndpointIdAsync(serviceId);
        _session.Settle();

        var listed = (await _session.GetAsync(EndpointsPath() + "?endpoint_service_name=SVC")).Body;
        var deleted = await _session.DeleteAsync($"{EndpointsPath()}/{endpointId}");
        var deleting = await _session.GetAsync($"{EndpointsPath()}/{endpointId}");
        _session.Settle();
        var gone = await _session.GetAsync($"{EndpointsPath()}/{endpointId}");

        Assert.That(listed["total_count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(listed["endpoints"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(endpointId));
        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(deleting.Body["status"]!.GetValue<string>(), Is.EqualTo("deleting"));
        Assert.That(gone.ErrorCode, Is.EqualTo("EndPoint.2006"));
    }

    [Test]
    public async Task Quotas_report_usage_per_type_and_the_51st_endpoint_is_refused()
    {
        var serviceId = await _session.CreateAvailableServiceAsync(approval: false);
        for (var i = 0; i < 50; i++)
        {
            await CreateEndpointIdAsync(serviceId);
        }

        var refused = await CreateEndpointAsync(serviceId);
        var endpointQuota = (await _session.GetAsync($"/v1/{EmulatorSession.Project}/quotas?type=endpoint")).Body;
        var allQuotas = (await _session.GetAsync($"/v1/{EmulatorSession.Project}/quotas")).Body;
        var badType = await _session.GetAsync($"/v1/{EmulatorSession.Project}/quotas?type=vpc");

        var resource = endpointQuota["quotas"]!["resources"]!.AsArray().Single()!;
        Assert.That(refused.ErrorCode, Is.EqualTo("Endpoint.1018"));
        Assert.That(resource["type"]!.GetValue<string>(), Is.EqualTo("endpoint"));
        Assert.That(resource["used"]!.GetValue<int>(), Is.EqualTo(50));
        Assert.That(resource["quota"]!.GetValue<int>(), Is.EqualTo(50));
        Assert.That(allQuotas["quotas"]!["resources"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(badType.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Connections_can_be_filtered_by_status_and_endpoint_and_are_paged()
    {
        var serviceId = await _session.CreateAvailableServiceAsync();
        var endpoints = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            endpoints.Add(await CreateEndpointIdAsync(serviceId));
        }

        _session.Settle();
        await _session.PostAsync($"{_session.ServicesPath}/{serviceId}/connections/action", new { action = "receive", endpoints = new[] { endpoints[1] } });
        var path = $"{_session.ServicesPath}/{serviceId}/connections";

        var accepted = (await _session.GetAsync(path + "?status=accepted")).Body;
        var byId = (await _session.GetAsync(path + $"?id={endpoints[2]}")).Body;
        var firstPage = (await _session.GetAsync(path + "?limit=2&sort_dir=asc")).Body;
        var badStatus = await _session.GetAsync(path + "?status=bogus");

        Assert.That(accepted["connections"]!.AsArray().Single()!["id"]!.GetValue<string>(), Is.EqualTo(endpoints[1]));
        Assert.That(byId["connections"]!.AsArray().Single()!["id"]!.GetValue<string>(), Is.EqualTo(endpoints[2]));
        Assert.That(firstPage["connections"]!.AsArray().Select(connection => connection!["id"]!.GetValue<string>()), Is.EqualTo(endpoints.Take(2)));
        Assert.That(firstPage["total_count"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(badStatus.ErrorCode, Is.EqualTo("EndPoint.0019"));
    }

    /// <summary>The emulator's public OBS gateway service.</summary>
    private const string GatewayServiceId = "3f2c5b0e-1a4d-4c1e-9a51-6d0e3b1f0a01";

    [Test]
    public async Task A_gateway_endpoint_without_route_tables_gets_the_vpcs_route_table_and_the_default_policy()
    {
        var first = (await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = GatewayServiceId, vpc_id = "vpc-a" })).Body;
        var second = (await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = GatewayServiceId, vpc_id = "vpc-a" })).Body;
        var named = (await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = GatewayServiceId, vpc_id = "vpc-a", routetables = new[] { "rtb-1" } })).Body;

        Assert.That(first["routetables"]!.AsArray().Select(table => table!.GetValue<string>()), Has.Exactly(1).Matches<string>(id => Guid.TryParse(id, out _)));
        Assert.That(second["routetables"]!.ToJsonString(), Is.EqualTo(first["routetables"]!.ToJsonString()), "the same VPC has the same route table");
        Assert.That(named["routetables"]!.AsArray().Select(table => table!.GetValue<string>()), Is.EqualTo(new[] { "rtb-1" }));
        Assert.That(first["policy_statement"]![0]!["Action"]![0]!.GetValue<string>(), Is.EqualTo("obs:*:*"));
    }

    [TestCase("10.0.0.1", true)]
    [TestCase("10.0.0.0/24", true)]
    [TestCase("10.0.0.0/33", false)]
    [TestCase("2001:db8::1", false)]
    [TestCase("ten.zero", false)]
    public async Task Whitelist_entries_are_ipv4_addresses_or_cidr_blocks(string entry, bool accepted)
    {
        var serviceId = await _session.CreateAvailableServiceAsync();

        var reply = await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s", whitelist = new[] { entry }, enable_whitelist = true });

        Assert.That(reply.Status, Is.EqualTo(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorCode, Is.EqualTo(accepted ? null : "EndPoint.2044"));
    }

    [Test]
    public async Task Interface_only_and_gateway_only_fields_are_refused_on_the_other_kind()
    {
        var serviceId = await _session.CreateAvailableServiceAsync();

        var routeTablesOnInterface = await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s", routetables = new[] { "rtb-1" } });
        var whitelistOnGateway = await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = GatewayServiceId, vpc_id = "v", whitelist = new[] { "10.0.0.1" } });
        var badPortIp = await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s", port_ip = "10.0.0.300" });

        Assert.That(routeTablesOnInterface.ErrorCode, Is.EqualTo("EndPoint.0002"));
        Assert.That(whitelistOnGateway.ErrorCode, Is.EqualTo("EndPoint.0002"));
        Assert.That(badPortIp.ErrorCode, Is.EqualTo("EndPoint.2041"), "the error appendix's 'Invalid Port IP address'");
    }

    [Test]
    public async Task A_given_port_ip_becomes_the_endpoints_ip_once_accepted()
    {
        var serviceId = await _session.CreateAvailableServiceAsync(approval: false);
        var id = (await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s", port_ip = "192.168.7.7" })).Body["id"]!.GetValue<string>();
        _session.Settle();

        var endpoint = (await _session.GetAsync($"{EndpointsPath()}/{id}")).Body;

        Assert.That(endpoint["ip"]!.GetValue<string>(), Is.EqualTo("192.168.7.7"));
    }
}
