using System.Net;
using System.Text.Json.Nodes;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>Every create/modify rule answers 400 with its documented code.</summary>
public class ServiceValidationTests
{
    private EmulatorSession _session = null!;

    [SetUp]
    public async Task StartAsync() => _session = await EmulatorSession.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    /// <summary>A valid create body with one field replaced (JSON null removes the field).</summary>
    private static string BodyWith(string field, string? valueJson)
    {
        var body = JsonNode.Parse("""
            {"port_id":"port-1","vpc_id":"vpc-1","server_type":"VM","service_name":"ok-name",
             "ports":[{"client_port":80,"server_port":8080,"protocol":"TCP"}],"tcp_proxy":"close",
             "tags":[{"key":"k","value":"v"}],"description":"fine"}
            """)!.AsObject();
        if (valueJson is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = JsonNode.Parse(valueJson);
        }

        return body.ToJsonString();
    }

    private static string Ports(int count) =>
        "[" + string.Join(',', Enumerable.Range(1, count).Select(i => $"{{\"client_port\":{i},\"server_port\":{i}}}")) + "]";

    private static string Tags(int count) =>
        "[" + string.Join(',', Enumerable.Range(1, count).Select(i => $"{{\"key\":\"k{i}\",\"value\":\"v\"}}")) + "]";

    [TestCase("port_id", null, "EndPoint.2002")]
    [TestCase("vpc_id", null, "EndPoint.2011")]
    [TestCase("server_type", null, "EndPoint.2002")]
    [TestCase("ports", null, "EndPoint.2002")]
    [TestCase("ports", "[]", "EndPoint.2002")]
    [TestCase("service_name", "\"seventeen-chars-x\"", "EndPoint.3076")]
    [TestCase("service_name", "\"has.dot\"", "EndPoint.3076")]
    [TestCase("service_name", "\"\"", "EndPoint.3076")]
    [TestCase("service_name", "\"has space\"", "EndPoint.3076")]
    [TestCase("description", "\"<script>\"", "EndPoint.0002")]
    [TestCase("server_type", "\"ELB\"", "EndPoint.3021")]
    [TestCase("service_type", "\"gateway\"", "EndPoint.0002")]
    [TestCase("tcp_proxy", "\"always\"", "EndPoint.0002")]
    [TestCase("approval_enabled", "\"yes\"", "EndPoint.0002")]
    [TestCase("ports", """[{"client_port":0,"server_port":80}]""", "EndPoint.3043")]
    [TestCase("ports", """[{"client_port":80,"server_port":65536}]""", "EndPoint.3043")]
    [TestCase("ports", """[{"client_port":80,"server_port":80,"protocol":"UDP"}]""", "EndPoint.3075")]
    [TestCase("ports", """[{"client_port":80,"server_port":80},{"client_port":80,"server_port":81}]""", "EndPoint.3043")]
    [TestCase("ports", """[{"server_port":80}]""", "EndPoint.2028")]
    [TestCase("tags", """[{"key":"","value":"v"}]""", "EndPoint.3066")]
    [TestCase("tags", """[{"key":"a","value":"1"},{"key":"a","value":"2"}]""", "EndPoint.3067")]
    [TestCase("tags", """[{"key":"a b","value":"v"}]""", "EndPoint.3068")]
    [TestCase("tags", """[{"key":"a","value":"v!"}]""", "EndPoint.3068")]
    [TestCase("tags", """[{"key":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","value":"v"}]""", "EndPoint.3072")]
    [TestCase("tags", """[{"key":"a","value":"vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"}]""", "EndPoint.3073")]
    public async Task Create_refuses_an_invalid_field(string field, string? valueJson, string expectedCode)
    {
        var reply = await _session.PostAsync(_session.ServicesPath, BodyWith(field, valueJson));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorCode, Is.EqualTo(expectedCode));
        Assert.That(reply.Body["error_msg"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task Description_of_129_characters_is_refused_and_128_accepted()
    {
        var tooLong = await _session.PostAsync(_session.ServicesPath, BodyWith("description", $"\"{new string('d', 129)}\""));
        var longest = await _session.PostAsync(_session.ServicesPath, BodyWith("description", $"\"{new string('d', 128)}\""));

        Assert.That(tooLong.ErrorCode, Is.EqualTo("EndPoint.0002"));
        Assert.That(longest.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task More_than_200_port_mappings_is_3074_and_exactly_200_is_accepted()
    {
        var tooMany = await _session.PostAsync(_session.ServicesPath, BodyWith("ports", Ports(201)));
        var most = await _session.PostAsync(_session.ServicesPath, BodyWith("ports", Ports(200)));

        Assert.That(tooMany.ErrorCode, Is.EqualTo("EndPoint.3074"));
        Assert.That(most.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(most.Body["ports"]!.AsArray(), Has.Count.EqualTo(200));
    }

    [Test]
    public async Task More_than_20_tags_is_3069_and_unicode_letters_are_allowed()
    {
        var tooMany = await _session.PostAsync(_session.ServicesPath, BodyWith("tags", Tags(21)));
        var unicode = await _session.PostAsync(_session.ServicesPath, BodyWith("tags", """[{"key":"Größe_@-1","value":"ÄÖÜ"}]"""));

        Assert.That(tooMany.ErrorCode, Is.EqualTo("EndPoint.3069"));
        Assert.That(unicode.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("{not json", "EndPoint.0002")]
    [TestCase("", "EndPoint.2002")]
    public async Task Unreadable_bodies_are_refused(string body, string expectedCode)
    {
        var reply = await _session.PostAsync(_session.ServicesPath, body);

        Assert.That(reply.ErrorCode, Is.EqualTo(expectedCode));
    }

    [Test]
    public async Task A_second_service_on_the_same_port_id_may_not_reuse_a_server_port()
    {
        await _session.CreateServiceAsync("first", portId: "shared", serverPort: 8080);

        var clash = await _session.PostAsync(_session.ServicesPath, new
        {
            port_id = "shared",
            vpc_id = "vpc-1",
            server_type = "VM",
            ports = new[] { new { client_port = 90, server_port = 8080 } },
        });
        var otherPort = await _session.PostAsync(_session.ServicesPath, new
        {
            port_id = "shared",
            vpc_id = "vpc-1",
            server_type = "VM",
            ports = new[] { new { client_port = 90, server_port = 8081 } },
        });
        var otherBackend = await _session.PostAsync(_session.ServicesPath, new
        {
            port_id = "elsewhere",
            vpc_id = "vpc-1",
            server_type = "VM",
            ports = new[] { new { client_port = 90, server_port = 8080 } },
        });

        Assert.That(clash.ErrorCode, Is.EqualTo("EndPoint.3044"));
        Assert.That(otherPort.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(otherBackend.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Modify_checks_the_same_rules_and_the_cross_service_conflict()
    {
        await _session.CreateServiceAsync("first", portId: "shared", serverPort: 8080);
        var second = await _session.CreateAvailableServiceAsync("second", portId: "other", serverPort: 8080);
        var path = $"{_session.ServicesPath}/{second}";

        var badName = await _session.PutAsync(path, new { service_name = "bad name" });
        var badProxy = await _session.PutAsync(path, new { tcp_proxy = "nope" });
        var badPorts = await _session.PutAsync(path, new { ports = new[] { new { client_port = 1, server_port = 70000 } } });
        var moveOntoConflict = await _session.PutAsync(path, new { port_id = "shared" });

        Assert.That(badName.ErrorCode, Is.EqualTo("EndPoint.3076"));
        Assert.That(badProxy.ErrorCode, Is.EqualTo("EndPoint.0002"));
        Assert.That(badPorts.ErrorCode, Is.EqualTo("EndPoint.3043"));
        Assert.That(moveOntoConflict.ErrorCode, Is.EqualTo("EndPoint.3044"));
    }

    [Test]
    public async Task The_21st_service_of_a_project_exceeds_the_quota()
    {
        for (var i = 0; i < 20; i++)
        {
            await _session.CreateServiceAsync($"s{i}", portId: $"port-{i}");
        }

        var reply = await _session.PostAsync(_session.ServicesPath, BodyWith("port_id", "\"port-x\""));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorCode, Is.EqualTo("Endpoint.1018"));
    }
}
