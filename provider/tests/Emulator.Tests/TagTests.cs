using System.Net;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>Tag actions, tenant tag listing and queries by tag.</summary>
public class TagTests
{
    private EmulatorSession _session = null!;

    private static string TypePath(string type) => $"/v1/{EmulatorSession.Project}/{type}";

    [SetUp]
    public async Task StartAsync() => _session = await EmulatorSession.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    [Test]
    public async Task Tags_are_created_overwritten_and_deleted_by_key_or_key_and_value()
    {
        var id = await _session.CreateServiceAsync();
        var action = $"{TypePath("endpoint_service")}/{id}/tags/action";

        var created = await _session.PostAsync(action, new { action = "create", tags = new[] { new { key = "env", value = "dev" }, new { key = "team", value = "a" }, new { key = "keep", value = "x" } } });
        await _session.PostAsync(action, new { action = "create", tags = new[] { new { key = "env", value = "prod" } } });
        await _session.PostAsync(action, new { action = "delete", tags = new object[] { new { key = "team" }, new { key = "keep", value = "other" } } });
        var tags = (await _session.GetAsync($"{_session.ServicesPath}/{id}")).Body["tags"]!.AsArray()
            .ToDictionary(tag => tag!["key"]!.GetValue<string>(), tag => tag!["value"]!.GetValue<string>());

        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(created.Json, Is.Null, "the documentation shows no response body");
        Assert.That(tags, Is.EqualTo(new Dictionary<string, string> { ["env"] = "prod", ["keep"] = "x" }));
    }

    [TestCase("widget", "create", "EndPoint.3070")]
    [TestCase("endpoint_service", "update", "EndPoint.0007")]
    public async Task Tag_actions_validate_the_resource_type_and_action(string type, string action, string expectedCode)
    {
        var id = await _session.CreateServiceAsync();

        var reply = await _session.PostAsync($"{TypePath(type)}/{id}/tags/action", new { action, tags = new[] { new { key = "k", value = "v" } } });

        Assert.That(reply.ErrorCode, Is.EqualTo(expectedCode));
    }

    [Test]
    public async Task Tag_actions_on_unknown_resources_are_404_and_the_20_tag_limit_holds()
    {
        var id = await _session.CreateServiceAsync();
        var action = $"{TypePath("endpoint_service")}/{id}/tags/action";
        await _session.PostAsync(action, new { action = "create", tags = Enumerable.Range(0, 20).Select(i => new { key = $"k{i}", value = "v" }) });

        var over = await _session.PostAsync(action, new { action = "create", tags = new[] { new { key = "one-more", value = "v" } } });
        var missingService = await _session.PostAsync($"{TypePath("endpoint_service")}/nope/tags/action", new { action = "create", tags = new[] { new { key = "k", value = "v" } } });
        var missingEndpoint = await _session.PostAsync($"{TypePath("endpoint")}/nope/tags/action", new { action = "create", tags = new[] { new { key = "k", value = "v" } } });

        Assert.That(over.ErrorCode, Is.EqualTo("EndPoint.3069"));
        Assert.That(missingService.ErrorCode, Is.EqualTo("EndPoint.0005"));
        Assert.That(missingEndpoint.ErrorCode, Is.EqualTo("EndPoint.2006"));
    }

    [Test]
    public async Task Tenant_tags_and_resource_queries_reflect_the_tags()
    {
        var dev = await _session.CreateServiceAsync("dev", portId: "a");
        var prod = await _session.CreateServiceAsync("prod", portId: "b");
        await _session.PostAsync($"{TypePath("endpoint_service")}/{dev}/tags/action", new { action = "create", tags = new[] { new { key = "env", value = "dev" } } });
        await _session.PostAsync($"{TypePath("endpoint_service")}/{prod}/tags/action", new { action = "create", tags = new[] { new { key = "env", value = "prod" } } });

        var tenantTags = (await _session.GetAsync($"{TypePath("endpoint_service")}/tags")).Body;
        var filtered = (await _session.PostAsync($"{TypePath("endpoint_service")}/resource_instances/action", new
        {
            action = "filter",
            tags = new[] { new { key = "env", values = new[] { "prod" } } },
        })).Body;
        var notDev = (await _session.PostAsync($"{TypePath("endpoint_service")}/resource_instances/action", new
        {
            action = "count",
            not_tags_any = new[] { new { key = "env", values = new[] { "dev" } } },
        })).Body;

        var env = tenantTags["tags"]!.AsArray().Single()!;
        Assert.That(env["key"]!.GetValue<string>(), Is.EqualTo("env"));
        Assert.That(env["values"]!.AsArray().Select(value => value!.GetValue<string>()), Is.EquivalentTo(new[] { "dev", "prod" }));
        Assert.That(filtered["resources"]!.AsArray().Single()!["resource_id"]!.GetValue<string>(), Is.EqualTo(prod));
        Assert.That(filtered["total_count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(notDev["total_count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(notDev["resources"], Is.Null);
    }
}
