using System.Net;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>
/// A gateway endpoint's policy held to the eu-de reference's Table 4 (Effect Allow or Deny; Action and Resource
/// mandatory), and the emulator as eu-ch2's documented surface: the fields the Swiss reference leaves out refused in
/// requests and absent from answers, its <c>vip_port_id</c> taken and answered; eu-de refuses <c>vip_port_id</c>.
/// </summary>
public class RegionSurfaceAndPolicyTests
{
    /// <summary>The emulator's public OBS gateway service.</summary>
    private const string GatewayServiceId = "3f2c5b0e-1a4d-4c1e-9a51-6d0e3b1f0a01";

    private static string EndpointsPath => $"/v1/{EmulatorSession.Project}/vpc-endpoints";

    private static object Statement(string effect, string[] actions, string[] resources) => new Dictionary<string, object>
    {
        ["Effect"] = effect,
        ["Action"] = actions,
        ["Resource"] = resources,
    };

    [Test]
    public async Task Each_statement_needs_a_documented_effect_and_actions_and_resources()
    {
        await using var session = await EmulatorSession.StartAsync();
        object Body(params object[] statements) => new { endpoint_service_id = GatewayServiceId, vpc_id = "v", policy_statement = statements };

        var valid = await session.PostAsync(EndpointsPath, Body(Statement("Allow", ["obs:object:GetObject"], ["obs:*:*:object:b/*"]), Statement("Deny", ["obs:*:*"], ["obs:*:*:bucket:b"])));
        var badEffect = await session.PostAsync(EndpointsPath, Body(Statement("allow", ["obs:*:*"], ["obs:*:*:bucket:b"])));
        var noActions = await session.PostAsync(EndpointsPath, Body(Statement("Allow", [], ["obs:*:*:bucket:b"])));
        var noResources = await session.PostAsync(EndpointsPath, Body(Statement("Deny", ["obs:*:*"], [])));

        Assert.That(valid.Status, Is.EqualTo(HttpStatusCode.OK), valid.Json?.ToJsonString());
        Assert.That(valid.Body["policy_statement"]!.AsArray(), Has.Count.EqualTo(2), "the policy as sent, not the default");
        Assert.That(valid.Body["policy_statement"]![1]!["Effect"]!.GetValue<string>(), Is.EqualTo("Deny"));
        Assert.That(new[] { badEffect.ErrorCode, noActions.ErrorCode, noResources.ErrorCode }, Has.All.EqualTo("EndPoint.2048"));
    }

    [Test]
    public async Task As_eu_ch2_the_fields_its_reference_lacks_are_refused_and_not_answered()
    {
        await using var session = await EmulatorSession.StartAsync(options => new EmulatorOptions { Clock = options.Clock, CreateDelay = options.CreateDelay, DeleteDelay = options.DeleteDelay, Region = "eu-ch2" });

        var withPolicy = await session.PostAsync(EndpointsPath, new { endpoint_service_id = GatewayServiceId, vpc_id = "v", policy_statement = new[] { Statement("Allow", ["obs:*:*"], ["obs:*:*:*:*"]) } });
        var withDescription = await session.PostAsync(EndpointsPath, new { endpoint_service_id = GatewayServiceId, vpc_id = "v", description = "d" });
        var endpoint = await session.PostAsync(EndpointsPath, new { endpoint_service_id = GatewayServiceId, vpc_id = "v" });
        var withPool = await session.PostAsync(session.ServicesPath, ServiceBody(pool_id: "pool-1"));
        var service = await session.PostAsync(session.ServicesPath, ServiceBody(vip_port_id: "vip-port-1"));

        Assert.That(withPolicy.ErrorCode, Is.EqualTo("EndPoint.0002"));
        Assert.That(withPolicy.Body["error_msg"]!.GetValue<string>(), Does.Contain("policy_statement").And.Contain("eu-ch2"));
        Assert.That(withDescription.ErrorCode, Is.EqualTo("EndPoint.0002"));
        Assert.That(endpoint.Status, Is.EqualTo(HttpStatusCode.OK), endpoint.Json?.ToJsonString());
        Assert.That(endpoint.Body.AsObject().Select(field => field.Key), Has.None.AnyOf("policy_statement", "specification_name", "description", "endpoint_pool_id"));
        Assert.That(withPool.ErrorCode, Is.EqualTo("EndPoint.0002"));
        Assert.That(service.Status, Is.EqualTo(HttpStatusCode.OK), service.Json?.ToJsonString());
        Assert.That(service.Body["vip_port_id"]!.GetValue<string>(), Is.EqualTo("vip-port-1"));
        Assert.That(service.Body.AsObject().Select(field => field.Key), Has.None.AnyOf("pool_id", "description"));
    }

    [Test]
    public async Task As_eu_de_vip_port_id_is_refused()
    {
        await using var session = await EmulatorSession.StartAsync();

        var reply = await session.PostAsync(session.ServicesPath, ServiceBody(vip_port_id: "vip-port-1"));

        Assert.That(reply.ErrorCode, Is.EqualTo("EndPoint.0002"));
        Assert.That(reply.Body["error_msg"]!.GetValue<string>(), Does.Contain("vip_port_id").And.Contain("eu-de"));
    }

    private static Dictionary<string, object> ServiceBody(string? pool_id = null, string? vip_port_id = null)
    {
        var body = new Dictionary<string, object>
        {
            ["port_id"] = "port-" + Guid.NewGuid().ToString("N")[..8],
            ["vpc_id"] = "vpc-1",
            ["server_type"] = "LB",
            ["ports"] = new[] { new Dictionary<string, object> { ["client_port"] = 80, ["server_port"] = 8080, ["protocol"] = "TCP" } },
        };
        if (pool_id is not null)
        {
            body["pool_id"] = pool_id;
        }

        if (vip_port_id is not null)
        {
            body["vip_port_id"] = vip_port_id;
        }

        return body;
    }
}
