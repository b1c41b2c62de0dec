using System.Net;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>Defaults, the full name form, and the time-based creating → available → deleting → gone lifecycle.</summary>
public class ServiceLifecycleTests
{
    private EmulatorSession _session = null!;

    [SetUp]
    public async Task StartAsync() => _session = await EmulatorSession.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    [Test]
    public async Task Create_applies_the_documented_defaults()
    {
        var reply = await _session.PostAsync(_session.ServicesPath, new
        {
            port_id = "port-1",
            vpc_id = "vpc-1",
            server_type = "LB",
            ports = new[] { new { client_port = 443, server_port = 8443 } },
        });

        var service = reply.Body;
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(service["approval_enabled"]!.GetValue<bool>(), Is.True);
        Assert.That(service["tcp_proxy"]!.GetValue<string>(), Is.EqualTo("close"));
        Assert.That(service["service_type"]!.GetValue<string>(), Is.EqualTo("interface"));
        Assert.That(service["ports"]![0]!["protocol"]!.GetValue<string>(), Is.EqualTo("TCP"));
        Assert.That(service["status"]!.GetValue<string>(), Is.EqualTo("creating"));
        Assert.That(service["project_id"]!.GetValue<string>(), Is.EqualTo(EmulatorSession.Project));
        Assert.That(service["created_at"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
    }

    [Test]
    public async Task Service_names_are_region_name_id_or_region_id_when_unnamed()
    {
        var named = await _session.CreateServiceAsync("my-svc", portId: "a");
        var unnamed = await _session.CreateServiceAsync(null, portId: "b");

        var namedName = (await _session.GetAsync($"{_session.ServicesPath}/{named}")).Body["service_name"]!.GetValue<string>();
        var unnamedName = (await _session.GetAsync($"{_session.ServicesPath}/{unnamed}")).Body["service_name"]!.GetValue<string>();

        Assert.That(namedName, Is.EqualTo($"eu-de.my-svc.{named}"));
        Assert.That(unnamedName, Is.EqualTo($"eu-de.{unnamed}"));
    }

    [Test]
    public async Task In_the_short_name_form_answers_carry_the_bare_name_as_the_documented_examples_do()
    {
        _session.Emulator.Settings.ServiceNameForm = ServiceNameForm.Short;
        var named = await _session.CreateAvailableServiceAsync("my-svc", portId: "a");
        var unnamed = await _session.CreateAvailableServiceAsync(null, portId: "b");

        var get = (await _session.GetAsync($"{_session.ServicesPath}/{named}")).Body;
        var list = (await _session.GetAsync($"{_session.ServicesPath}?endpoint_service_name=eu-de.my-svc")).Body["endpoint_services"]!.AsArray();
        var described = (await _session.GetAsync($"{_session.ServicesPath}/describe?endpoint_service_name=eu-de.my-svc.{named}")).Body;
        var unnamedName = (await _session.GetAsync($"{_session.ServicesPath}/{unnamed}")).Body["service_name"]!.GetValue<string>();
        var endpoint = (await _session.PostAsync($"/v1/{EmulatorSession.Project}/vpc-endpoints", new { endpoint_service_id = named, vpc_id = "v", subnet_id = "s" })).Body;

        Assert.That(get["service_name"]!.GetValue<string>(), Is.EqualTo("my-svc"));
        Assert.That(list.Select(item => item!["service_name"]!.GetValue<string>()), Is.EqualTo(new[] { "my-svc" }), "the name filter still matches the full name");
        Assert.That(described["id"]!.GetValue<string>(), Is.EqualTo(named), "describe still finds a service by its full name");
        Assert.That(described["service_name"]!.GetValue<string>(), Is.EqualTo("my-svc"));
        Assert.That(unnamedName, Is.Empty);
        Assert.That(endpoint["endpoint_service_name"]!.GetValue<string>(), Is.EqualTo("my-svc"));
    }

    [Test]
    public async Task The_cloud_fills_in_a_pool_id_and_an_empty_description_that_the_request_left_out()
    {
        var filled = await _session.CreateServiceAsync(portId: "a");
        var given = await _session.PostAsync(_session.ServicesPath, new
        {
            port_id = "b",
            vpc_id = "vpc-1",
            server_type = "VM",
            pool_id = "pool-chosen-by-the-user",
            ports = new[] { new { client_port = 80, server_port = 8080 } },
        });

        var service = (await _session.GetAsync($"{_session.ServicesPath}/{filled}")).Body;
        var again = (await _session.GetAsync($"{_session.ServicesPath}/{filled}")).Body;

        Assert.That(service["pool_id"]!.GetValue<string>(), Does.Match("^[0-9a-f-]{36}$"));
        Assert.That(again["pool_id"]!.GetValue<string>(), Is.EqualTo(service["pool_id"]!.GetValue<string>()), "the cloud's choice is stable");
        Assert.That(service["description"]!.GetValue<string>(), Is.Empty);
        Assert.That(given.Body["pool_id"]!.GetValue<string>(), Is.EqualTo("pool-chosen-by-the-user"));
    }

    [Test]
    public async Task A_service_becomes_available_once_the_create_delay_has_passed()
    {
        var id = await _session.CreateServiceAsync();
        var path = $"{_session.ServicesPath}/{id}";

        var early = await _session.GetAsync(path);
        _session.Clock.Advance(TimeSpan.FromMinutes(61));
        var later = await _session.GetAsync(path);

        Assert.That(early.Body["status"]!.GetValue<string>(), Is.EqualTo("creating"));
        Assert.That(later.Body["status"]!.GetValue<string>(), Is.EqualTo("available"));
        Assert.That(later.Body["error"], Is.Null);
    }

    [Test]
    public async Task With_fail_creates_a_new_service_ends_failed_with_an_error_entry()
    {
        _session.Emulator.Settings.FailCreates = true;
        var failing = await _session.CreateServiceAsync("bad", portId: "a");
        _session.Emulator.Settings.FailCreates = false;
        var fine = await _session.CreateServiceAsync("good", portId: "b");
        _session.Settle();

        var failed = await _session.GetAsync($"{_session.ServicesPath}/{failing}");
        var available = await _session.GetAsync($"{_session.ServicesPath}/{fine}");

        Assert.That(failed.Body["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(failed.Body["error"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(failed.Body["error"]![0]!["error_code"]!.GetValue<string>(), Does.StartWith("EndPoint."));
        Assert.That(available.Body["status"]!.GetValue<string>(), Is.EqualTo("available"));
    }

    [Test]
    public async Task Modify_while_creating_is_refused_with_3045()
    {
        var id = await _session.CreateServiceAsync();

        var reply = await _session.PutAsync($"{_session.ServicesPath}/{id}", new { approval_enabled = false });

        Assert.That(reply.ErrorCode, Is.EqualTo("EndPoint.3045"));
    }

    [Test]
    public async Task Modify_changes_the_given_fields_replaces_ports_and_bumps_updated_at()
    {
        var id = await _session.CreateAvailableServiceAsync("before");
        var path = $"{_session.ServicesPath}/{id}";
        var before = (await _session.GetAsync(path)).Body;
        _session.Clock.Advance(TimeSpan.FromMinutes(1));

        var reply = await _session.PutAsync(path, new
        {
            service_name = "after",
            approval_enabled = false,
            tcp_proxy = "proxy_open",
            description = "changed",
            port_id = "port-2",
            ports = new[] { new { client_port = 81, server_port = 9000, protocol = "TCP" }, new { client_port = 82, server_port = 9001, protocol = "TCP" } },
        });

        var after = reply.Body;
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after["service_name"]!.GetValue<string>(), Is.EqualTo($"eu-de.after.{id}"));
        Assert.That(after["approval_enabled"]!.GetValue<bool>(), Is.False);
        Assert.That(after["tcp_proxy"]!.GetValue<string>(), Is.EqualTo("proxy_open"));
        Assert.That(after["description"]!.GetValue<string>(), Is.EqualTo("changed"));
        Assert.That(after["port_id"]!.GetValue<string>(), Is.EqualTo("port-2"));
        Assert.That(after["ports"]!.AsArray().Select(port => port!["client_port"]!.GetValue<int>()), Is.EqualTo(new[] { 81, 82 }));
        Assert.That(after["vpc_id"]!.GetValue<string>(), Is.EqualTo("vpc-1"));
        Assert.That(after["status"]!.GetValue<string>(), Is.EqualTo("available"));
        Assert.That(
            DateTimeOffset.Parse(after["updated_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThan(DateTimeOffset.Parse(before["updated_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task An_empty_modify_keeps_everything()
    {
        var id = await _session.CreateAvailableServiceAsync("keep");

        var reply = await _session.PutAsync($"{_session.ServicesPath}/{id}", new { });

        Assert.That(reply.Body["service_name"]!.GetValue<string>(), Is.EqualTo($"eu-de.keep.{id}"));
        Assert.That(reply.Body["approval_enabled"]!.GetValue<bool>(), Is.True);
        Assert.That(reply.Body["ports"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Delete_answers_204_then_deleting_then_404()
    {
        var id = await _session.CreateAvailableServiceAsync();
        var path = $"{_session.ServicesPath}/{id}";

        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.TryAddWithoutValidation("X-Auth-Token", _session.Token);
        using var deleted = await _session.Http.SendAsync(request);
        var deleting = await _session.GetAsync(path);
        _session.Settle();
        var gone = await _session.GetAsync(path);

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await deleted.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(deleting.Body["status"]!.GetValue<string>(), Is.EqualTo("deleting"));
        Assert.That(gone.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(gone.ErrorCode, Is.EqualTo("EndPoint.0005"));
    }

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Unknown_service_ids_are_404_0005(string method)
    {
        var reply = await _session.SendAsync(new HttpMethod(method), $"{_session.ServicesPath}/no-such-id", method == "PUT" ? new { } : null);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(reply.ErrorCode, Is.EqualTo("EndPoint.0005"));
    }

    [Test]
    public async Task Resources_of_one_project_are_invisible_from_another()
    {
        var id = await _session.CreateAvailableServiceAsync();
        _session.Token = EmulatorAccounts.ForeignStaticToken;
        var foreignPath = $"/v1/{EmulatorAccounts.ForeignProjectId}/vpc-endpoint-services";

        var get = await _session.GetAsync($"{foreignPath}/{id}");
        var list = await _session.GetAsync(foreignPath);
        var delete = await _session.DeleteAsync($"{foreignPath}/{id}");

        Assert.That(get.ErrorCode, Is.EqualTo("EndPoint.0005"));
        Assert.That(list.Body["total_count"]!.GetValue<int>(), Is.Zero);
        Assert.That(delete.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Two_hundred_concurrent_creates_all_succeed_with_distinct_ids()
    {
        await using var roomy = await EmulatorSession.StartAsync(options => new EmulatorOptions { Clock = options.Clock, ServiceQuota = 500 });

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => roomy.CreateServiceAsync($"c{i}", portId: $"port-{i}")));
        var listed = await roomy.GetAsync(roomy.ServicesPath + "?limit=1");

        Assert.That(ids.Distinct().Count(), Is.EqualTo(200));
        Assert.That(listed.Body["total_count"]!.GetValue<int>(), Is.EqualTo(200));
    }
}
