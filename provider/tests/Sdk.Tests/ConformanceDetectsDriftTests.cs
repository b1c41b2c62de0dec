using System.Text.Json.Nodes;
using Otc.Sdk.Tests.Schema;
using Otc.Sdk.Tests.Sdk;

namespace Otc.Sdk.Tests;

/// <summary>
/// Edits one side (an SDK file or the schema) in memory and checks that the comparison reports the disagreement:
/// proof that a real drift would fail the conformance tests rather than slip through.
/// </summary>
[TestFixture]
public sealed class ConformanceDetectsDriftTests
{
    private const string Resource = "Vpcep/VpcEndpointService.cs";

    [Test]
    public void The_unedited_schema_and_sdk_agree() =>
        Assert.That(SdkFixture.Disagreements(SdkFixture.Schema, SdkFixture.Sdk), Is.Empty);

    private static IEnumerable<TestCaseData> SdkEdits()
    {
        yield return SdkEdit("required flag dropped", Resource,
            "[Input(\"vpcId\", required: true)]", "[Input(\"vpcId\")]",
            "input 'vpcId' is not marked required: true");
        yield return SdkEdit("output wire name changed", Resource,
            "[Output(\"fullServiceName\")]", "[Output(\"fullName\")]",
            "output 'fullServiceName' is declared 0 times");
        yield return SdkEdit("input type changed", Resource,
            "public Input<bool>? ApprovalEnabled", "public Input<string>? ApprovalEnabled",
            "input 'approvalEnabled' type is Input<string>?, expected Input<bool>?");
        yield return SdkEdit("C# property renamed", Resource,
            "public Input<string> PortId { get; set; } = null!;", "public Input<string> PortID { get; set; } = null!;",
            "input 'portId' C# name is PortID");
        yield return SdkEdit("replace property dropped from ReplaceOnChanges", Resource,
            "                    \"poolId\",\n", "",
            "ReplaceOnChanges lists [serverType, serviceType, vpcId]");
        yield return SdkEdit("input the schema lacks", Resource,
            "        public VpcEndpointServiceArgs()",
            "        [Input(\"vipPortId\")]\n        public Input<string>? VipPortId { get; set; }\n\n        public VpcEndpointServiceArgs()",
            "[Input(\"vipPortId\")] VipPortId is not in the schema");
        yield return SdkEdit("default changed", Resource,
            "TcpProxy = Pulumi.Otc.Vpcep.TcpProxy.Close;", "TcpProxy = Pulumi.Otc.Vpcep.TcpProxy.Open;",
            "default for 'tcpProxy'");
        yield return SdkEdit("enum value changed", "Vpcep/Enums.cs",
            "new TcpProxy(\"proxy_vni\")", "new TcpProxy(\"proxy-vni\")",
            "value \"proxy_vni\" is declared 0 times");
        yield return SdkEdit("output type field retyped", "Vpcep/Outputs/PortMapping.cs",
            "public readonly int ServerPort;", "public readonly string ServerPort;",
            "field int ServerPort is missing or has another type");
        yield return SdkEdit("output constructor parameter renamed", "Vpcep/Outputs/PortMapping.cs",
            "int serverPort)", "int backendPort)",
            "[OutputConstructor] parameters");
        yield return SdkEdit("provider json flag dropped", "Provider.cs",
            "[Input(\"maxRetries\", json: true)]", "[Input(\"maxRetries\")]",
            "input 'maxRetries' json: true is absent");
        yield return SdkEdit("secret setter removed", "Provider.cs",
            "                var emptySecret = Output.CreateSecret(0);\n                _token = Output.Tuple<Input<string>?, int>(value, emptySecret).Apply(t => t.Item1);",
            "                _token = value;",
            "input 'token' setter does not wrap the value with Output.CreateSecret");
        yield return SdkEdit("config key misspelt", "Config/Config.cs",
            "__config.Get(\"vpcepEndpoint\")", "__config.Get(\"vpcEndpoint\")",
            "config otc:vpcepEndpoint: no Config property reads it");
        yield return SdkEdit("Pulumi pin loosened", "Pulumi.Otc.csproj",
            "Include=\"Pulumi\" Version=\"3.112.0\"", "Include=\"Pulumi\" Version=\"3.*\"",
            "must reference Pulumi at exactly 3.112.0");
    }

    [TestCaseSource(nameof(SdkEdits))]
    public void An_sdk_edit_that_breaks_agreement_is_reported(string file, string find, string replace, string expected)
    {
        var files = new Dictionary<string, string>(SdkFixture.Sdk.Files, StringComparer.Ordinal);
        Assert.That(files[file], Does.Contain(find), "the edit must apply to the committed file");
        files[file] = files[file].Replace(find, replace, StringComparison.Ordinal);

        var problems = SdkFixture.Disagreements(SdkFixture.Schema, SdkSources.FromFiles(files));

        Assert.That(problems, Has.Some.Contains(expected));
    }

    private static IEnumerable<TestCaseData> SchemaEdits()
    {
        yield return SchemaEdit("portId made replace-on-change", s =>
        {
            Service(s)["properties"]!["portId"]!["replaceOnChanges"] = true;
            Service(s)["inputProperties"]!["portId"]!["replaceOnChanges"] = true;
        }, "ReplaceOnChanges lists [poolId, serverType, serviceType, vpcId] but the schema says [poolId, portId, serverType, serviceType, vpcId]");
        yield return SchemaEdit("new input property", s =>
        {
            Service(s)["inputProperties"]!["vipPortId"] = new JsonObject { ["type"] = "string" };
            Service(s)["properties"]!["vipPortId"] = new JsonObject { ["type"] = "string" };
        }, "input 'vipPortId' is declared 0 times");
        yield return SchemaEdit("new enum value", s =>
            s["types"]!["otc:vpcep:TcpProxy"]!["enum"]!.AsArray().Add(new JsonObject { ["value"] = "half_open" }),
            "value \"half_open\" is declared 0 times");
        yield return SchemaEdit("ports no longer required", s =>
        {
            var required = Service(s)["requiredInputs"]!.AsArray();
            required.Remove(required.Single(n => n!.GetValue<string>() == "ports"));
        }, "input 'ports' is marked required: true, but the schema says it is not required");
        yield return SchemaEdit("access key made secret", s =>
            s["provider"]!["inputProperties"]!["accessKey"]!["secret"] = true,
            "input 'accessKey' setter does not wrap the value with Output.CreateSecret");
        yield return SchemaEdit("new config variable", s =>
            s["config"]!["variables"]!["cloud"] = new JsonObject { ["type"] = "string" },
            "config otc:cloud: no Config property reads it");
        yield return SchemaEdit("approval default flipped", s =>
            Service(s)["inputProperties"]!["approvalEnabled"]!["default"] = false,
            "default for 'approvalEnabled' is true, expected false");
        yield return SchemaEdit("status output dropped", s =>
        {
            Service(s)["properties"]!.AsObject().Remove("status");
            var required = Service(s)["required"]!.AsArray();
            required.Remove(required.Single(n => n!.GetValue<string>() == "status"));
        }, "[Output(\"status\")] Status is not an output in the schema");
        yield return SchemaEdit("version bumped", s => s["version"] = "0.2.0",
            "version.txt is '0.1.0', expected the schema version 0.2.0");
    }

    [TestCaseSource(nameof(SchemaEdits))]
    public void A_schema_edit_that_breaks_agreement_is_reported(Action<JsonNode> edit, string expected)
    {
        var schema = JsonNode.Parse(SdkFixture.SchemaText)!;
        edit(schema);

        var problems = SdkFixture.Disagreements(SchemaReader.Parse(schema.ToJsonString()), SdkFixture.Sdk);

        Assert.That(problems, Has.Some.Contains(expected));
    }

    private static JsonNode Service(JsonNode schema) => schema["resources"]!["otc:vpcep:VpcEndpointService"]!;

    private static TestCaseData SdkEdit(string name, string file, string find, string replace, string expected) =>
        new TestCaseData(file, find, replace, expected).SetArgDisplayNames(name);

    private static TestCaseData SchemaEdit(string name, Action<JsonNode> edit, string expected) =>
        new TestCaseData(edit, expected).SetArgDisplayNames(name);
}
