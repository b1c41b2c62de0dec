using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Otc.Emulator.Tests.DocumentedShapes;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>
/// The emulator held to the OTC API reference: each documented example request (DocumentedExamples/*.json, written
/// from the API pages) is sent to the emulator, and its answer must have the documented status and carry every field
/// of the documented example answer, with the same JSON types, and no field the documentation does not know.
/// </summary>
public class DocumentedResponseTests
{
    /// <summary>Public gateway service of the emulator (OBS), what the documented gateway endpoint connects to.</summary>
    private const string GatewayServiceId = "3f2c5b0e-1a4d-4c1e-9a51-6d0e3b1f0a01";

    public static IEnumerable<TestCaseData> Cases() =>
        DocumentedOperation.All().SelectMany(operation => operation.Cases.Select(documented =>
            new TestCaseData(operation.File, documented.Name).SetName($"{operation.File}: {documented.Name}")));

    [Test]
    public void Every_operation_the_provider_calls_has_documented_examples()
    {
        var files = DocumentedOperation.All().Select(operation => operation.File);

        Assert.That(files, Is.EquivalentTo(new[]
        {
            "iam-catalog.json", "iam-projects-query.json", "iam-token-password.json",
            "vpcep-connections-action.json", "vpcep-connections-list.json",
            "vpcep-endpoint-create.json", "vpcep-endpoint-delete.json", "vpcep-endpoint-get.json", "vpcep-endpoint-list.json",
            "vpcep-permissions-action.json", "vpcep-permissions-list.json", "vpcep-quotas.json",
            "vpcep-service-create.json", "vpcep-service-delete.json", "vpcep-service-describe.json", "vpcep-service-get.json",
            "vpcep-service-list.json", "vpcep-service-public.json", "vpcep-service-update.json", "vpcep-tags-action.json",
        }));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task The_emulator_answers_the_documented_example_request_in_the_documented_shape(string file, string caseName)
    {
        var operation = DocumentedOperation.Named(file);
        var documented = operation.Cases.Single(candidate => candidate.Name == caseName);
        await using var session = await EmulatorSession.StartAsync();
        var values = await ArrangeAsync(session, file);

        var (path, body) = documented.Resolve(values);
        using var request = new HttpRequestMessage(new HttpMethod(documented.Method), path);
        if (path != "/v3/auth/tokens")
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", session.Token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var reply = await EmulatorSession.ReadAsync(await session.Http.SendAsync(request));

        Assert.That((int)reply.Status, Is.EqualTo(operation.Status), () => $"{documented.Method} {path}: {reply.Json?.ToJsonString()}");
        foreach (var header in operation.Headers)
        {
            Assert.That(reply.Headers.Contains(header), Is.True, $"documented response header {header}");
        }

        if (operation.Fields is null)
        {
            Assert.That(reply.Json, Is.Null, "the documentation shows no response body");
            return;
        }

        Assert.That(ShapeChecker.Problems(reply.Json, documented.Example, operation.Fields), Is.Empty, () => reply.Json!.ToJsonString());
    }

    [Test]
    public async Task A_failed_service_reports_its_error_in_the_documented_shape()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.Settings.FailCreates = true;
        var id = await session.CreateAvailableServiceAsync();
        var operation = DocumentedOperation.Named("vpcep-service-get.json");

        var reply = await session.GetAsync($"{session.ServicesPath}/{id}");

        Assert.That(reply.Body["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(reply.Body["error"]!.AsArray(), Is.Not.Empty);
        Assert.That(ShapeChecker.Problems(reply.Json, operation.Cases[0].Example, operation.Fields), Is.Empty, () => reply.Json!.ToJsonString());
    }

    [Test]
    public async Task A_failed_endpoint_reports_its_error_in_the_documented_shape()
    {
        await using var session = await EmulatorSession.StartAsync();
        var serviceId = await session.CreateAvailableServiceAsync();
        session.Emulator.Settings.FailCreates = true;
        var endpointId = await CreateEndpointAsync(session, new { endpoint_service_id = serviceId, vpc_id = "consumer-vpc", subnet_id = "consumer-subnet" });
        session.Settle();
        var operation = DocumentedOperation.Named("vpcep-endpoint-get.json");

        var reply = await session.GetAsync($"/v1/{EmulatorSession.Project}/vpc-endpoints/{endpointId}");
        var connections = await session.GetAsync($"{session.ServicesPath}/{serviceId}/connections");

        Assert.That(reply.Body["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(reply.Body["error"]!.AsArray(), Is.Not.Empty);
        // The documented answer is an accepted endpoint; ip "is returned once accepted", so a failed one has none.
        var example = operation.Cases[0].Example!.DeepClone().AsObject();
        example.Remove("ip");
        Assert.That(ShapeChecker.Problems(reply.Json, example, operation.Fields), Is.Empty, () => reply.Json!.ToJsonString());
        Assert.That(connections.Body["connections"]![0]!["error"]!.AsArray(), Is.Not.Empty, "the service side sees the error too");
    }

    /// <summary>Sets up what the documented request refers to, and returns the values of its placeholders.</summary>
    private static async Task<Dictionary<string, string>> ArrangeAsync(EmulatorSession session, string file)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["project_id"] = EmulatorSession.Project,
            ["project_name"] = EmulatorAccounts.DefaultProjectName,
            ["user_name"] = EmulatorAccounts.UserName,
            ["password"] = EmulatorAccounts.Password,
            ["domain_name"] = EmulatorAccounts.DomainName,
            ["gateway_service_id"] = GatewayServiceId,
        };
        if (!file.StartsWith("vpcep-", StringComparison.Ordinal) || file == "vpcep-service-create.json" || file == "vpcep-quotas.json")
        {
            return values;
        }

        var serviceId = await session.CreateAvailableServiceAsync();
        values["service_id"] = serviceId;
        switch (file)
        {
            case "vpcep-permissions-list.json":
                await ExpectOkAsync(session.PostAsync($"{session.ServicesPath}/{serviceId}/permissions/action", new { action = "add", permissions = new[] { "*" } }));
                break;
            case "vpcep-connections-list.json" or "vpcep-connections-action.json" or "vpcep-endpoint-get.json" or "vpcep-endpoint-list.json" or "vpcep-endpoint-delete.json":
                values["endpoint_id"] = await CreateEndpointAsync(session, new { endpoint_service_id = serviceId, vpc_id = "consumer-vpc", subnet_id = "consumer-subnet" });
                values["gateway_endpoint_id"] = await CreateEndpointAsync(session, new { endpoint_service_id = GatewayServiceId, vpc_id = "consumer-vpc", routetables = new[] { "rtb-1" } });
                session.Settle();
                if (file is "vpcep-endpoint-get.json" or "vpcep-endpoint-list.json" or "vpcep-connections-list.json")
                {
                    // Accepted, as in the documented answers (an accepted interface endpoint has its ip).
                    await ExpectOkAsync(session.PostAsync(
                        $"{session.ServicesPath}/{serviceId}/connections/action", new { action = "receive", endpoints = new[] { values["endpoint_id"] } }));
                }

                break;
        }

        return values;
    }

    private static async Task<string> CreateEndpointAsync(EmulatorSession session, object body)
    {
        var reply = await ExpectOkAsync(session.PostAsync($"/v1/{EmulatorSession.Project}/vpc-endpoints", body));
        return reply.Body["id"]!.GetValue<string>();
    }

    private static async Task<ApiReply> ExpectOkAsync(Task<ApiReply> call)
    {
        var reply = await call;
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), () => reply.Json?.ToJsonString() ?? "(no body)");
        return reply;
    }
}
