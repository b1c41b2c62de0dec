using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>The test controls: journal, fault rules, run-time settings and throttling, in-process and over HTTP.</summary>
public class AdminApiTests
{
    private EmulatorSession _session = null!;

    [SetUp]
    public async Task StartAsync() => _session = await EmulatorSession.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    [Test]
    public async Task The_journal_lists_requests_in_order_with_body_status_and_project_but_not_admin_calls()
    {
        var id = await _session.CreateServiceAsync("journaled");
        await _session.GetAsync($"{_session.ServicesPath}/{id}?x=1");
        await _session.GetAsync($"{_session.ServicesPath}/missing");

        using var response = await _session.Http.GetAsync("/__emulator/journal");
        var entries = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.That(entries.Select(entry => entry!["method"]!.GetValue<string>()), Is.EqualTo(new[] { "POST", "GET", "GET" }));
        Assert.That(entries.Select(entry => entry!["status"]!.GetValue<int>()), Is.EqualTo(new[] { 200, 200, 404 }));
        Assert.That(entries[0]!["body"]!.GetValue<string>(), Does.Contain("\"service_name\":\"journaled\""));
        Assert.That(entries[0]!["path"]!.GetValue<string>(), Is.EqualTo(_session.ServicesPath));
        Assert.That(entries[1]!["query"]!.GetValue<string>(), Is.EqualTo("x=1"));
        Assert.That(entries[2]!["project_id"]!.GetValue<string>(), Is.EqualTo(EmulatorSession.Project));
        Assert.That(_session.Emulator.Journal.Entries, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Clearing_the_journal_over_http_empties_it()
    {
        await _session.GetAsync(_session.ServicesPath);

        using var cleared = await _session.Http.DeleteAsync("/__emulator/journal");

        Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(_session.Emulator.Journal.Entries, Is.Empty);
    }

    [Test]
    public async Task A_status_fault_applies_the_given_number_of_times_and_is_journaled_with_that_status()
    {
        using var added = await _session.Http.PostAsJsonAsync("/__emulator/faults", new
        {
            method = "POST",
            path = "/vpc-endpoint-services$",
            status = 503,
            errorCode = "EndPoint.0001",
            errorMsg = "try later",
            times = 2,
        });

        var first = await _session.PostAsync(_session.ServicesPath, new { });
        var second = await _session.PostAsync(_session.ServicesPath, new { });
        var listUnaffected = await _session.GetAsync(_session.ServicesPath);
        var third = await _session.PostAsync(_session.ServicesPath, new { });

        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(first.ErrorCode, Is.EqualTo("EndPoint.0001"));
        Assert.That(first.Body["error_msg"]!.GetValue<string>(), Is.EqualTo("try later"));
        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(listUnaffected.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(third.Status, Is.EqualTo(HttpStatusCode.BadRequest), "the third create reaches validation");
        Assert.That(_session.Emulator.Journal.Entries.Select(entry => entry.Status), Is.EqualTo(new[] { 503, 503, 200, 400 }));
    }

    [Test]
    public async Task A_drop_fault_aborts_the_connection_without_a_response()
    {
        _session.Emulator.Faults.Add(new FaultRule { Path = "/vpc-endpoint-services", Drop = true, Times = 1 });

        Assert.That(async () => await _session.GetAsync(_session.ServicesPath), Throws.InstanceOf<HttpRequestException>());
        var next = await _session.GetAsync(_session.ServicesPath);

        Assert.That(next.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_session.Emulator.Journal.Entries[0].Status, Is.Zero);
    }

    [Test]
    public async Task A_drop_response_fault_carries_the_request_out_and_then_aborts_the_connection()
    {
        var id = await _session.CreateAvailableServiceAsync();
        var path = $"{_session.ServicesPath}/{id}";
        _session.Emulator.Journal.Clear();
        using var added = await _session.Http.PostAsJsonAsync("/__emulator/faults", new { method = "DELETE", path = "/vpc-endpoint-services/", dropResponse = true, times = 1 });

        Assert.That(async () => await _session.DeleteAsync(path), Throws.InstanceOf<HttpRequestException>());
        var after = await _session.GetAsync(path);

        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(after.Body["status"]!.GetValue<string>(), Is.EqualTo("deleting"), "the delete took effect");
        Assert.That(_session.Emulator.Journal.Entries[0].Status, Is.EqualTo(204), "journaled with the status the cloud decided on");
    }

    [Test]
    public async Task A_latency_only_fault_still_answers_normally_and_clearing_removes_faults()
    {
        _session.Emulator.Faults.Add(new FaultRule { LatencyMs = 10 });
        var delayed = await _session.GetAsync(_session.ServicesPath);
        _session.Emulator.Faults.Add(new FaultRule { Status = 500 });
        _session.Emulator.Faults.Clear();
        using var clearedOverHttp = await _session.Http.DeleteAsync("/__emulator/faults");
        var afterClear = await _session.GetAsync(_session.ServicesPath);

        Assert.That(delayed.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(clearedOverHttp.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(afterClear.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Stopping_does_not_wait_for_a_long_injected_delay()
    {
        _session.Emulator.Faults.Add(new FaultRule { LatencyMs = 600_000 });
        var pending = _session.GetAsync(_session.ServicesPath);

        // The request is journaled only when it completes; until then it counts as in flight.
        Assert.That(() => _session.Emulator.Journal.InFlight, Is.EqualTo(1).After(10_000, 10));
        await _session.Emulator.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(async () => await pending, Throws.InstanceOf<HttpRequestException>());
        Assert.That(() => _session.Emulator.Journal.InFlight, Is.Zero.After(10_000, 10));
        Assert.That(_session.Emulator.Journal.Entries.Single().Status, Is.Zero, "an abandoned request is listed with status 0");
    }

    [Test]
    public async Task A_zero_rate_fault_never_fires()
    {
        _session.Emulator.Faults.Add(new FaultRule { Status = 500, Rate = 0.0 });

        var reply = await _session.GetAsync(_session.ServicesPath);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Settings_over_http_switch_fail_creates_and_delays()
    {
        using var changed = await _session.Http.PostAsJsonAsync("/__emulator/settings", new { failCreates = true, createDelayMs = 0, deleteDelayMs = 0 });
        var id = await _session.CreateServiceAsync();
        var service = await _session.GetAsync($"{_session.ServicesPath}/{id}");
        var settings = JsonNode.Parse(await changed.Content.ReadAsStringAsync())!;

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(settings["failCreates"]!.GetValue<bool>(), Is.True);
        Assert.That(_session.Emulator.Settings.FailCreates, Is.True);
        Assert.That(_session.Emulator.Settings.CreateDelay, Is.EqualTo(TimeSpan.Zero));
        Assert.That(service.Body["status"]!.GetValue<string>(), Is.EqualTo("failed"));
    }

    [Test]
    public async Task Resources_over_http_counts_services_and_endpoints_of_every_project()
    {
        var serviceId = await _session.CreateAvailableServiceAsync();
        await _session.PostAsync($"/v1/{EmulatorSession.Project}/vpc-endpoints", new { endpoint_service_id = serviceId, vpc_id = "v", subnet_id = "s" });

        var counts = JsonNode.Parse(await _session.Http.GetStringAsync("/__emulator/resources"))!;

        Assert.That(counts["services"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(counts["endpoints"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(_session.Emulator.ResourceCounts(), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task Settings_over_http_switch_the_service_name_form()
    {
        var id = await _session.CreateServiceAsync("named");
        using var changed = await _session.Http.PostAsJsonAsync("/__emulator/settings", new { serviceNameForm = "short" });
        var shortName = (await _session.GetAsync($"{_session.ServicesPath}/{id}")).Body["service_name"]!.GetValue<string>();
        using var restored = await _session.Http.PostAsJsonAsync("/__emulator/settings", new { serviceNameForm = "full" });
        var fullName = (await _session.GetAsync($"{_session.ServicesPath}/{id}")).Body["service_name"]!.GetValue<string>();

        Assert.That(JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["serviceNameForm"]!.GetValue<string>(), Is.EqualTo("short"));
        Assert.That(shortName, Is.EqualTo("named"));
        Assert.That(fullName, Is.EqualTo($"eu-de.named.{id}"));
    }

    [Test]
    public async Task Above_the_rate_limit_a_project_gets_429_apigw_0308()
    {
        using var changed = await _session.Http.PostAsJsonAsync("/__emulator/settings", new { rateLimit = 3 });

        var replies = new List<ApiReply>();
        for (var i = 0; i < 10; i++)
        {
            replies.Add(await _session.GetAsync(_session.ServicesPath));
        }

        var throttled = replies.Where(reply => reply.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.That(_session.Emulator.Settings.RateLimit, Is.EqualTo(3));
        Assert.That(throttled, Is.Not.Empty);
        Assert.That(throttled[0].ErrorCode, Is.EqualTo("APIGW.0308"));
        Assert.That(throttled[0].Body["request_id"], Is.Not.Null);
    }

    [Test]
    public async Task Unknown_paths_answer_the_gateway_404()
    {
        var reply = await _session.GetAsync("/v2/whatever");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(reply.ErrorCode, Is.EqualTo("APIGW.0101"));
    }
}
