using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>
/// Every row of the README's table of ambiguous readings: the lenient answer (the default) and the strict one (the
/// <c>strict</c> setting or <c>--strict</c>), one test per row and mode.
/// </summary>
public class StrictModeTests
{
    private const string GatewayServiceId = "3f2c5b0e-1a4d-4c1e-9a51-6d0e3b1f0a01";

    private EmulatorSession _session = null!;

    private static string EndpointsPath(string project = EmulatorSession.Project) => $"/v1/{project}/vpc-endpoints";

    [SetUp]
    public async Task StartAsync() => _session = await EmulatorSession.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    private void Strict(bool strict) => _session.Emulator.Settings.Strict = strict;

    [TestCase(false, false, "toa_open")]
    [TestCase(true, true, "close")]
    public async Task Modify_without_approval_or_tcp_proxy_keeps_them_or_applies_the_documented_defaults(bool strict, bool approvalAfter, string tcpProxyAfter)
    {
        Strict(strict);
        var id = await _session.CreateAvailableServiceAsync(approval: false);
        var path = $"{_session.ServicesPath}/{id}";
        await _session.PutAsync(path, new { tcp_proxy = "toa_open" });

        var modified = await _session.PutAsync(path, new { description = "only the description" });

        Assert.That(modified.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(modified.Body["approval_enabled"]!.GetValue<bool>(), Is.EqualTo(approvalAfter));
        Assert.That(modified.Body["tcp_proxy"]!.GetValue<string>(), Is.EqualTo(tcpProxyAfter));
    }

    [Test]
    public async Task Strict_modify_keeps_the_values_a_request_names()
    {
        Strict(true);
        var id = await _session.CreateAvailableServiceAsync(approval: false);

        var modified = await _session.PutAsync($"{_session.ServicesPath}/{id}", new { approval_enabled = false, tcp_proxy = "toa_open", description = "named" });

        Assert.That(modified.Body["approval_enabled"]!.GetValue<bool>(), Is.False);
        Assert.That(modified.Body["tcp_proxy"]!.GetValue<string>(), Is.EqualTo("toa_open"));
    }

    [TestCase(false, HttpStatusCode.NoContent, null)]
    [TestCase(true, HttpStatusCode.BadRequest, "EndPoint.2018")]
    public async Task Deleting_a_service_that_is_already_deleting(bool strict, HttpStatusCode second, string? code)
    {
        Strict(strict);
        var path = $"{_session.ServicesPath}/{await _session.CreateAvailableServiceAsync()}";

        var first = await _session.DeleteAsync(path);
        var again = await _session.DeleteAsync(path);

        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(again.Status, Is.EqualTo(second));
        Assert.That(again.ErrorCode, Is.EqualTo(code));
        Assert.That((await _session.GetAsync(path)).Body["status"]!.GetValue<string>(), Is.EqualTo("deleting"));
    }

    [TestCase(false, HttpStatusCode.NoContent, null)]
    [TestCase(true, HttpStatusCode.BadRequest, "EndPoint.2018")]
    public async Task Deleting_an_endpoint_that_is_already_deleting(bool strict, HttpStatusCode second, string? code)
    {
        Strict(strict);
        var serviceId = await _session.CreateAvailableServiceAsync(approval: false);
        var endpoint = await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s" });
        _session.Settle();
        var path = $"{EndpointsPath()}/{endpoint.Body["id"]!.GetValue<string>()}";

        var first = await _session.DeleteAsync(path);
        var again = await _session.DeleteAsync(path);

        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(again.Status, Is.EqualTo(second));
        Assert.That(again.ErrorCode, Is.EqualTo(code));
    }

    [Test]
    public async Task Lenient_whitelist_takes_a_bare_star_as_the_same_entry_as_the_prefixed_one()
    {
        var path = $"{_session.ServicesPath}/{await _session.CreateAvailableServiceAsync()}/permissions";

        var added = await _session.PostAsync(path + "/action", new { action = "add", permissions = new[] { "*" } });
        var addedAgain = await _session.PostAsync(path + "/action", new { action = "add", permissions = new[] { "iam:domain::*" } });
        var removed = await _session.PostAsync(path + "/action", new { action = "remove", permissions = new[] { "iam:domain::*" } });

        Assert.That(added.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Strings(addedAgain.Body["permissions"]), Is.EqualTo(new[] { "*" }), "one entry, answered as it was added");
        Assert.That(Strings(removed.Body["permissions"]), Is.Empty);
    }

    [Test]
    public async Task Strict_whitelist_takes_only_the_prefixed_form_and_answers_every_account_as_a_bare_star()
    {
        Strict(true);
        var path = $"{_session.ServicesPath}/{await _session.CreateAvailableServiceAsync()}/permissions";

        var bare = await _session.PostAsync(path + "/action", new { action = "add", permissions = new[] { "*" } });
        var prefixed = await _session.PostAsync(path + "/action", new { action = "add", permissions = new[] { "iam:domain::*", "iam:domain::abc" } });
        var listed = (await _session.GetAsync(path)).Body;

        Assert.That(bare.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(bare.ErrorCode, Is.EqualTo("EndPoint.3002"));
        Assert.That(Strings(prefixed.Body["permissions"]), Is.EqualTo(new[] { "*", "iam:domain::abc" }));
        Assert.That(listed["permissions"]!.AsArray().Select(entry => entry!["permission"]!.GetValue<string>()), Is.EquivalentTo(new[] { "*", "iam:domain::abc" }));
    }

    [TestCase(false, HttpStatusCode.TooManyRequests, "APIGW.0308", true)]
    [TestCase(true, HttpStatusCode.BadRequest, "EndPoint.0022", false)]
    public async Task Throttling_answers_the_gateways_429_or_the_services_own_400(bool strict, HttpStatusCode status, string code, bool gatewayBody)
    {
        Strict(strict);
        _session.Emulator.Settings.RateLimit = 2;

        var replies = new List<ApiReply>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await _session.GetAsync(_session.ServicesPath));
        }

        var refused = replies.Where(reply => reply.Status != HttpStatusCode.OK).ToList();
        Assert.That(refused, Has.Count.EqualTo(2), "the manual clock stays in one window");
        Assert.That(refused.Select(reply => (reply.Status, reply.ErrorCode)), Has.All.EqualTo((status, code)));
        Assert.That(refused[0].Body["request_id"] is not null, Is.EqualTo(gatewayBody), "only gateway errors carry request_id");
    }

    [TestCase(false, HttpStatusCode.OK, null, "accepted")]
    [TestCase(true, HttpStatusCode.BadRequest, "EndPoint.2047", "failed")]
    public async Task Receiving_a_failed_endpoint(bool strict, HttpStatusCode status, string? code, string statusAfter)
    {
        Strict(strict);
        var serviceId = await _session.CreateAvailableServiceAsync();
        _session.Emulator.Settings.FailCreates = true;
        var endpointId = (await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s" })).Body["id"]!.GetValue<string>();
        _session.Settle();

        var reply = await _session.PostAsync($"{_session.ServicesPath}/{serviceId}/connections/action", new { action = "receive", endpoints = new[] { endpointId } });
        var endpoint = (await _session.GetAsync($"{EndpointsPath()}/{endpointId}")).Body;

        Assert.That(reply.Status, Is.EqualTo(status));
        Assert.That(reply.ErrorCode, Is.EqualTo(code));
        Assert.That(endpoint["status"]!.GetValue<string>(), Is.EqualTo(statusAfter));
    }

    [Test]
    public async Task A_gateway_endpoint_never_has_an_ip_or_domain_names()
    {
        var id = (await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = GatewayServiceId, vpc_id = "v", enable_dns = true })).Body["id"]!.GetValue<string>();
        _session.Settle();

        var endpoint = (await _session.GetAsync($"{EndpointsPath()}/{id}")).Body.AsObject();

        Assert.That(endpoint["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
        Assert.That(endpoint.Select(field => field.Key), Has.None.AnyOf("ip", "dns_names"));
        Assert.That(endpoint.Select(field => field.Key), Is.SupersetOf(new[] { "whitelist", "enable_whitelist", "enable_dns" }), "lenient answers keep the other fields");
    }

    [Test]
    public async Task A_strict_gateway_endpoint_has_none_of_the_interface_only_fields()
    {
        Strict(true);
        var created = (await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = GatewayServiceId, vpc_id = "v" })).Body.AsObject();
        _session.Settle();
        var id = created["id"]!.GetValue<string>();

        var read = (await _session.GetAsync($"{EndpointsPath()}/{id}")).Body.AsObject();
        var listed = (await _session.GetAsync(EndpointsPath())).Body["endpoints"]!.AsArray().Single()!.AsObject();

        string[] interfaceOnly = ["ip", "dns_names", "whitelist", "enable_whitelist", "subnet_id", "enable_dns"];
        foreach (var answer in new[] { created, read, listed })
        {
            Assert.That(answer.Select(field => field.Key), Has.None.AnyOf(interfaceOnly));
            Assert.That(answer["routetables"]!.AsArray(), Is.Not.Empty);
        }
    }

    [TestCase(false, "creating", HttpStatusCode.OK)]
    [TestCase(false, "deleting", HttpStatusCode.OK)]
    [TestCase(true, "creating", HttpStatusCode.BadRequest)]
    [TestCase(true, "deleting", HttpStatusCode.BadRequest)]
    [TestCase(true, "pendingAcceptance", HttpStatusCode.OK)]
    [TestCase(true, "failed", HttpStatusCode.OK)]
    public async Task Connection_status_filters_beyond_the_four_documented_values(bool strict, string status, HttpStatusCode expected)
    {
        Strict(strict);
        var serviceId = await _session.CreateAvailableServiceAsync();

        var reply = await _session.GetAsync($"{_session.ServicesPath}/{serviceId}/connections?status={status}");

        Assert.That(reply.Status, Is.EqualTo(expected));
        Assert.That(reply.ErrorCode, Is.EqualTo(expected == HttpStatusCode.OK ? null : "EndPoint.0019"));
    }

    [Test]
    public async Task Lenient_offsets_past_the_end_answer_an_empty_page()
    {
        await _session.CreateServiceAsync("one", portId: "p1");

        var past = await _session.GetAsync(_session.ServicesPath + "?offset=1");
        var zero = await _session.GetAsync(_session.ServicesPath + "?offset=0");

        Assert.That(past.Body["endpoint_services"]!.AsArray(), Is.Empty);
        Assert.That(past.Body["total_count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(zero.Body["endpoint_services"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [TestCase("offset=2", HttpStatusCode.BadRequest)]
    [TestCase("offset=3", HttpStatusCode.BadRequest)]
    [TestCase("offset=0", HttpStatusCode.BadRequest)]
    [TestCase("offset=1", HttpStatusCode.OK)]
    [TestCase("limit=1", HttpStatusCode.OK)]
    public async Task Strict_offsets_must_be_greater_than_0_and_less_than_the_number_of_records(string query, HttpStatusCode expected)
    {
        Strict(true);
        await _session.CreateServiceAsync("one", portId: "p1");
        await _session.CreateServiceAsync("two", portId: "p2");

        var reply = await _session.GetAsync($"{_session.ServicesPath}?{query}");

        Assert.That(reply.Status, Is.EqualTo(expected));
        Assert.That(reply.ErrorCode, Is.EqualTo(expected == HttpStatusCode.OK ? null : "EndPoint.0010"));
    }

    [Test]
    public async Task Strict_offsets_are_checked_on_every_list()
    {
        Strict(true);
        var serviceId = await _session.CreateAvailableServiceAsync();

        string[] lists = [EndpointsPath(), $"{_session.ServicesPath}/{serviceId}/connections", _session.ServicesPath + "/public"];
        await _session.PostAsync(EndpointsPath(), new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s" });
        await _session.PostAsync($"{_session.ServicesPath}/{serviceId}/permissions/action", new { action = "add", permissions = new[] { "iam:domain::abc" } });

        foreach (var list in lists.Append($"{_session.ServicesPath}/{serviceId}/permissions"))
        {
            var total = (await _session.GetAsync(list)).Body["total_count"]!.GetValue<int>();
            var past = await _session.GetAsync($"{list}?offset={total}");
            Assert.That(past.ErrorCode, Is.EqualTo("EndPoint.0010"), list);
        }
    }

    [Test]
    public async Task Strict_offsets_on_an_empty_list_are_no_error()
    {
        Strict(true);

        var reply = await _session.GetAsync(_session.ServicesPath + "?offset=5");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply.Body["endpoint_services"]!.AsArray(), Is.Empty);
    }

    [TestCase(false, 9)]
    [TestCase(true, 18)]
    public async Task Marker_ids_have_the_documented_digits(bool strict, int digits)
    {
        Strict(strict);
        var serviceId = await _session.CreateAvailableServiceAsync();
        using var request = Authorized(HttpMethod.Post, EndpointsPath(), new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s" });
        using var response = await _session.Http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();

        var marker = System.Text.RegularExpressions.Regex.Match(raw, "\"marker_id\":([0-9]+)[,}]").Groups[1].Value;
        Assert.That(marker, Has.Length.EqualTo(digits), raw);
        if (strict)
        {
            Assert.That(long.Parse(marker, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(1L << 53), "past what a double holds exactly");
        }
    }

    [TestCase(false, HttpStatusCode.OK)]
    [TestCase(true, HttpStatusCode.BadRequest)]
    public async Task Service_quotas_count_per_project_or_per_account(bool strict, HttpStatusCode secondCreate)
    {
        await using var session = await EmulatorSession.StartAsync(options => new EmulatorOptions
        {
            Clock = options.Clock,
            CreateDelay = options.CreateDelay,
            DeleteDelay = options.DeleteDelay,
            ServiceQuota = 1,
            Strict = strict,
        });
        await session.CreateServiceAsync("first", portId: "p1");
        session.Token = await session.ProjectTokenAsync(EmulatorAccounts.OtherProjectId);
        var otherServices = $"/v1/{EmulatorAccounts.OtherProjectId}/vpc-endpoint-services";

        var second = await session.PostAsync(otherServices, new { port_id = "p2", vpc_id = "v", server_type = "VM", ports = new[] { new { client_port = 80, server_port = 80 } } });
        var quotas = (await session.GetAsync($"/v1/{EmulatorAccounts.OtherProjectId}/quotas?type=endpoint_service")).Body;

        Assert.That(second.Status, Is.EqualTo(secondCreate));
        Assert.That(second.ErrorCode, Is.EqualTo(strict ? "Endpoint.1018" : null));
        // Lenient: the other project's own new service; strict: the account's service in the first project.
        Assert.That(quotas["quotas"]!["resources"]![0]!["used"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Endpoint_quotas_count_per_account_when_strict()
    {
        await using var session = await EmulatorSession.StartAsync(options => new EmulatorOptions
        {
            Clock = options.Clock,
            CreateDelay = options.CreateDelay,
            DeleteDelay = options.DeleteDelay,
            EndpointQuota = 1,
            Strict = true,
        });
        var serviceId = await session.CreateAvailableServiceAsync(approval: false);
        await session.PostAsync(EndpointsPath(), new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s" });
        session.Token = await session.ProjectTokenAsync(EmulatorAccounts.OtherProjectId);

        var second = await session.PostAsync(EndpointsPath(EmulatorAccounts.OtherProjectId), new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s" });

        Assert.That(second.ErrorCode, Is.EqualTo("Endpoint.1018"));
    }

    [Test]
    public async Task The_strict_setting_switches_over_http_and_is_reported()
    {
        using var on = await _session.Http.PostAsJsonAsync("/__emulator/settings", new { strict = true });
        var onBody = JsonNode.Parse(await on.Content.ReadAsStringAsync())!;
        var strictNow = _session.Emulator.Settings.Strict;
        using var off = await _session.Http.PostAsJsonAsync("/__emulator/settings", new { strict = false });

        Assert.That(onBody["strict"]!.GetValue<bool>(), Is.True);
        Assert.That(strictNow, Is.True);
        Assert.That(_session.Emulator.Settings.Strict, Is.False);
        Assert.That(JsonNode.Parse(await _session.Http.GetStringAsync("/__emulator/settings"))!["strict"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public void The_command_line_turns_strict_mode_on_with_a_flag_that_takes_no_value()
    {
        var strict = CommandLine.Parse(["--strict", "--port", "0"], out var error);
        var lenient = CommandLine.Parse(["--port", "0"], out _);

        Assert.That(error, Is.Null);
        Assert.That(strict!.Strict, Is.True);
        Assert.That(strict.Port, Is.Zero);
        Assert.That(lenient!.Strict, Is.False);
    }

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(node => node!.GetValue<string>())];

    private HttpRequestMessage Authorized(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("X-Auth-Token", _session.Token);
        return request;
    }
}
