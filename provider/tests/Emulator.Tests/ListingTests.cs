using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>Filters, sorting and paging of the list APIs, including whitelist paging past 1,000 entries.</summary>
public class ListingTests
{
    private EmulatorSession _session = null!;

    [SetUp]
    public async Task StartAsync() => _session = await EmulatorSession.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    private static List<string> Ids(JsonNode body, string listName) =>
        [.. body[listName]!.AsArray().Select(item => item!["id"]!.GetValue<string>())];

    [Test]
    public async Task Service_list_defaults_to_ten_newest_first_with_total_count_ignoring_paging()
    {
        var created = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            created.Add(await _session.CreateServiceAsync($"s{i}", portId: $"p{i}"));
            _session.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var firstPage = (await _session.GetAsync(_session.ServicesPath)).Body;
        var secondPage = (await _session.GetAsync(_session.ServicesPath + "?offset=10")).Body;
        var ascending = (await _session.GetAsync(_session.ServicesPath + "?sort_dir=asc&limit=3")).Body;

        Assert.That(Ids(firstPage, "endpoint_services"), Is.EqualTo(Enumerable.Reverse(created).Take(10)));
        Assert.That(Ids(secondPage, "endpoint_services"), Is.EqualTo(new[] { created[1], created[0] }));
        Assert.That(firstPage["total_count"]!.GetValue<int>(), Is.EqualTo(12));
        Assert.That(Ids(ascending, "endpoint_services"), Is.EqualTo(created.Take(3)));
    }

    [Test]
    public async Task List_items_carry_domain_id_and_connection_count()
    {
        await _session.CreateServiceAsync();

        var item = (await _session.GetAsync(_session.ServicesPath)).Body["endpoint_services"]![0]!;

        Assert.That(item["domain_id"]!.GetValue<string>(), Is.EqualTo(EmulatorAccounts.DomainId));
        Assert.That(item["connection_count"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Name_filter_is_a_case_insensitive_substring_of_the_full_name_and_id_status_filters_work()
    {
        var alpha = await _session.CreateServiceAsync("Alpha-Svc", portId: "a");
        var beta = await _session.CreateServiceAsync("beta", portId: "b");
        _session.Settle();
        var gamma = await _session.CreateServiceAsync("gamma", portId: "c");

        var byName = (await _session.GetAsync(_session.ServicesPath + "?endpoint_service_name=ALPHA-s")).Body;
        var byRegionPrefix = (await _session.GetAsync(_session.ServicesPath + "?endpoint_service_name=eu-de.beta")).Body;
        var byId = (await _session.GetAsync(_session.ServicesPath + $"?id={beta}")).Body;
        var creating = (await _session.GetAsync(_session.ServicesPath + "?status=creating")).Body;

        Assert.That(Ids(byName, "endpoint_services"), Is.EqualTo(new[] { alpha }));
        Assert.That(Ids(byRegionPrefix, "endpoint_services"), Is.EqualTo(new[] { beta }));
        Assert.That(Ids(byId, "endpoint_services"), Is.EqualTo(new[] { beta }));
        Assert.That(Ids(creating, "endpoint_services"), Is.EqualTo(new[] { gamma }));
    }

    [Test]
    public async Task A_page_cap_cuts_every_page_below_the_requested_limit_while_total_count_counts_every_match()
    {
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await _session.CreateServiceAsync($"s{i}", portId: $"p{i}"));
            _session.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var capped = await _session.Http.PostAsJsonAsync("/__emulator/settings", new { pageCap = 2 });
        var pages = new List<JsonNode>();
        for (var offset = 0; offset < 5; offset += 2)
        {
            pages.Add((await _session.GetAsync($"{_session.ServicesPath}?limit=1000&sort_dir=asc{(offset > 0 ? $"&offset={offset}" : "")}")).Body);
        }

        using var uncapped = await _session.Http.PostAsJsonAsync("/__emulator/settings", new { pageCap = 0 });
        var whole = (await _session.GetAsync($"{_session.ServicesPath}?limit=1000")).Body;

        Assert.That(JsonNode.Parse(await capped.Content.ReadAsStringAsync())!["pageCap"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(pages.Select(page => Ids(page, "endpoint_services").Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(pages.SelectMany(page => Ids(page, "endpoint_services")), Is.EqualTo(created));
        Assert.That(pages.Select(page => page["total_count"]!.GetValue<int>()), Has.All.EqualTo(5));
        Assert.That(_session.Emulator.Settings.PageCap, Is.Null);
        Assert.That(Ids(whole, "endpoint_services"), Has.Count.EqualTo(5));
    }

    [TestCase("limit=1001", "EndPoint.0006")]
    [TestCase("limit=-1", "EndPoint.0006")]
    [TestCase("limit=ten", "EndPoint.0006")]
    [TestCase("offset=-1", "EndPoint.0010")]
    [TestCase("sort_key=name", "EndPoint.0017")]
    [TestCase("sort_dir=up", "EndPoint.0018")]
    [TestCase("status=ready", "EndPoint.0019")]
    public async Task Invalid_list_parameters_are_refused(string query, string expectedCode)
    {
        var reply = await _session.GetAsync(_session.ServicesPath + "?" + query);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorCode, Is.EqualTo(expectedCode));
    }

    [Test]
    public async Task Whitelist_pages_past_1000_entries_at_most_500_at_a_time()
    {
        var id = await _session.CreateAvailableServiceAsync();
        var permissions = Enumerable.Range(0, 1200).Select(i => $"iam:domain::domain{i:D5}").ToArray();
        var added = await _session.PostAsync($"{_session.ServicesPath}/{id}/permissions/action", new { action = "add", permissions });

        var seen = new List<string>();
        for (var offset = 0; ; offset += 500)
        {
            var page = (await _session.GetAsync($"{_session.ServicesPath}/{id}/permissions?limit=500&offset={offset}&sort_dir=asc")).Body;
            Assert.That(page["total_count"]!.GetValue<int>(), Is.EqualTo(1200));
            var entries = page["permissions"]!.AsArray();
            seen.AddRange(entries.Select(entry => entry!["permission"]!.GetValue<string>()));
            if (entries.Count < 500)
            {
                break;
            }
        }

        var tooBig = await _session.GetAsync($"{_session.ServicesPath}/{id}/permissions?limit=501");
        Assert.That(added.Body["permissions"]!.AsArray(), Has.Count.EqualTo(1200));
        Assert.That(seen, Is.EqualTo(permissions));
        Assert.That(tooBig.ErrorCode, Is.EqualTo("EndPoint.0006"));
    }

    [Test]
    public async Task Whitelist_entries_have_the_documented_shape_and_can_be_removed()
    {
        var id = await _session.CreateAvailableServiceAsync();
        var path = $"{_session.ServicesPath}/{id}/permissions";
        await _session.PostAsync(path + "/action", new { action = "add", permissions = new[] { "iam:domain::abc", "*" } });

        var removed = await _session.PostAsync(path + "/action", new { action = "remove", permissions = new[] { "*" } });
        var listed = (await _session.GetAsync(path)).Body;

        var entry = listed["permissions"]!.AsArray().Single()!;
        Assert.That(removed.Body["permissions"]!.AsArray().Select(node => node!.GetValue<string>()), Is.EqualTo(new[] { "iam:domain::abc" }));
        Assert.That(entry["permission"]!.GetValue<string>(), Is.EqualTo("iam:domain::abc"));
        Assert.That(entry["permission_type"]!.GetValue<string>(), Is.EqualTo("domainId"));
        Assert.That(entry["id"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(entry["description"], Is.Not.Null);
        Assert.That(entry["created_at"]!.GetValue<string>(), Does.EndWith("Z"));
    }

    [TestCase("add", new[] { "domain::abc" }, "EndPoint.3002")]
    [TestCase("add", new[] { "iam:domain::has space" }, "EndPoint.3002")]
    [TestCase("add", new string[0], "EndPoint.3036")]
    [TestCase("grant", new[] { "*" }, "EndPoint.3035")]
    public async Task Invalid_whitelist_actions_are_refused(string action, string[] permissions, string expectedCode)
    {
        var id = await _session.CreateAvailableServiceAsync();

        var reply = await _session.PostAsync($"{_session.ServicesPath}/{id}/permissions/action", new { action, permissions });

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorCode, Is.EqualTo(expectedCode));
    }

    [Test]
    public async Task Public_services_list_otc_owned_services_with_filtering()
    {
        var all = (await _session.GetAsync(_session.ServicesPath + "/public")).Body;
        var obs = (await _session.GetAsync(_session.ServicesPath + "/public?endpoint_service_name=OBS")).Body;

        Assert.That(all["total_count"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(2));
        Assert.That(all["endpoint_services"]!.AsArray().Select(service => service!["owner"]!.GetValue<string>()), Is.All.EqualTo("OTC"));
        Assert.That(obs["endpoint_services"]!.AsArray().Single()!["service_name"]!.GetValue<string>(), Is.EqualTo("com.t-systems.otc.eu-de.obs"));
    }

    [Test]
    public async Task Describe_finds_a_service_by_full_name_or_id_and_needs_exactly_one_of_them()
    {
        var id = await _session.CreateServiceAsync("described");

        var byName = await _session.GetAsync($"{_session.ServicesPath}/describe?endpoint_service_name=eu-de.described.{id}");
        var byId = await _session.GetAsync($"{_session.ServicesPath}/describe?id={id}");
        var neither = await _session.GetAsync($"{_session.ServicesPath}/describe");
        var missing = await _session.GetAsync($"{_session.ServicesPath}/describe?id=nope");

        Assert.That(byName.Body["id"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(byId.Body["service_name"]!.GetValue<string>(), Is.EqualTo($"eu-de.described.{id}"));
        Assert.That(byId.Body["is_charge"]!.GetValue<string>(), Is.EqualTo("false"), "a string, as the documented example shows");
        Assert.That(neither.ErrorCode, Is.EqualTo("EndPoint.0002"));
        Assert.That(missing.ErrorCode, Is.EqualTo("EndPoint.0005"));
    }

    [Test]
    public async Task Versions_are_listed_without_authentication()
    {
        using var root = await _session.Http.GetAsync("/");
        using var v1 = await _session.Http.GetAsync("/v1");
        var rootBody = JsonNode.Parse(await root.Content.ReadAsStringAsync())!;
        var v1Body = JsonNode.Parse(await v1.Content.ReadAsStringAsync())!;

        Assert.That(rootBody["versions"]!.AsArray().Select(version => version!["id"]!.GetValue<string>()), Does.Contain("v1"));
        Assert.That(v1Body["version"]!["id"]!.GetValue<string>(), Is.EqualTo("v1"));
        Assert.That(v1Body["version"]!["status"]!.GetValue<string>(), Is.EqualTo("CURRENT"));
    }
}
