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
    private const string Endpoint = "Vpcep/VpcEndpoint.cs";
    private const string Approval = "Vpcep/VpcEndpointApproval.cs";
    private const string ServiceLookup = "Vpcep/GetVpcEndpointService.cs";
    private const string PublicServices = "Vpcep/GetPublicServices.cs";

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
        yield return SdkEdit("endpoint default dropped", Endpoint,
            "            EnableDns = false;\n", "",
            "VpcEndpointArgs: default for 'enableDns' is <none>, expected false");
        yield return SdkEdit("endpoint whitelist no longer forces replacement", Endpoint,
            "                    \"whitelist\",\n", "",
            "Pulumi.Otc.Vpcep.VpcEndpoint: ReplaceOnChanges lists [description, enableDns, enableWhitelist, policyStatements, portIp, routeTables, serviceId, subnetId, vpcId] but the schema says [description, enableDns, enableWhitelist, policyStatements, portIp, routeTables, serviceId, subnetId, vpcId, whitelist]");
        yield return SdkEdit("readme no longer packed", "Pulumi.Otc.csproj",
            "    <PackageReadmeFile>README.md</PackageReadmeFile>\n", "",
            "Pulumi.Otc.csproj must pack README.md at the package root as its PackageReadmeFile");
        yield return SdkEdit("invoke options name a download URL the schema lacks", "Utilities.cs",
            "            dst.Version = src?.Version ?? Version;\n",
            "            dst.Version = src?.Version ?? Version;\n            dst.PluginDownloadURL = src?.PluginDownloadURL ?? \"https://dl.example.invalid/otc\";\n",
            "Pulumi.Otc.Utilities.WithDefaults sets PluginDownloadURL to ['https://dl.example.invalid/otc', 'https://dl.example.invalid/otc'], but the schema's pluginDownloadURL is absent");
        yield return SdkEdit("project URL edited by hand", "Pulumi.Otc.csproj",
            "<PackageProjectUrl>https://github.com/pulumi-otc/pulumi-otc</PackageProjectUrl>", "<PackageProjectUrl>https://elsewhere.example.invalid</PackageProjectUrl>",
            "Pulumi.Otc.csproj <PackageProjectUrl> is [https://elsewhere.example.invalid], expected 'https://github.com/pulumi-otc/pulumi-otc' from the schema");
        yield return SdkEdit("approval state takes the Args class", Approval,
            "InputList<Inputs.VpcEndpointApprovalConnectionGetArgs>", "InputList<Inputs.VpcEndpointApprovalConnectionArgs>",
            "VpcEndpointApprovalState: input 'connections' type is InputList<Inputs.VpcEndpointApprovalConnectionArgs>, expected InputList<Inputs.VpcEndpointApprovalConnectionGetArgs>");
    }

    private static IEnumerable<TestCaseData> FunctionSdkEdits()
    {
        yield return SdkEdit("token misspelt in one overload", PublicServices,
            "InvokeOutputOptions options)\n            => global::Pulumi.Deployment.Instance.Invoke<GetPublicServicesResult>(\"otc:vpcep:getPublicServices\"",
            "InvokeOutputOptions options)\n            => global::Pulumi.Deployment.Instance.Invoke<GetPublicServicesResult>(\"otc:vpcep:getPublicService\"",
            "GetPublicServices.Invoke(..., InvokeOutputOptions options): token is \"otc:vpcep:getPublicService\", expected \"otc:vpcep:getPublicServices\"");
        yield return SdkEdit("InvokeOutputOptions overload dropped", ServiceLookup,
            "        public static Output<GetVpcEndpointServiceResult> Invoke(GetVpcEndpointServiceInvokeArgs args, InvokeOutputOptions options)\n"
            + "            => global::Pulumi.Deployment.Instance.Invoke<GetVpcEndpointServiceResult>(\"otc:vpcep:getVpcEndpointService\", args ?? new GetVpcEndpointServiceInvokeArgs(), options.WithDefaults());\n",
            "",
            "Output<GetVpcEndpointServiceResult> Invoke(GetVpcEndpointServiceInvokeArgs args, InvokeOutputOptions options) is declared 0 times, expected once");
        yield return SdkEdit("optional args made required", ServiceLookup,
            "InvokeAsync(GetVpcEndpointServiceArgs? args = null, InvokeOptions? options = null)", "InvokeAsync(GetVpcEndpointServiceArgs args, InvokeOptions? options = null)",
            "GetVpcEndpointService.InvokeAsync(..., InvokeOptions? options): parameter list is GetVpcEndpointServiceArgs args, InvokeOptions? options = null, expected GetVpcEndpointServiceArgs? args = null, InvokeOptions? options = null");
        yield return SdkEdit("InvokeAsync calls the output form", PublicServices,
            "=> global::Pulumi.Deployment.Instance.InvokeAsync<GetPublicServicesResult>(", "=> global::Pulumi.Deployment.Instance.Invoke<GetPublicServicesResult>(",
            "GetPublicServices.InvokeAsync(..., InvokeOptions? options): call is global::Pulumi.Deployment.Instance.Invoke<GetPublicServicesResult>, expected global::Pulumi.Deployment.Instance.InvokeAsync<GetPublicServicesResult>");
        yield return SdkEdit("plain args property typed as an input", PublicServices,
            "public string? Name { get; set; }", "public Input<string>? Name { get; set; }",
            "GetPublicServicesArgs: input 'name' type is Input<string>?, expected string?");
        yield return SdkEdit("invoke args wire name changed", ServiceLookup,
            "[Input(\"id\")]\n        public Input<string>? Id", "[Input(\"serviceId\")]\n        public Input<string>? Id",
            "GetVpcEndpointServiceInvokeArgs: input 'id' is declared 0 times");
        yield return SdkEdit("required result field made nullable", ServiceLookup,
            "public readonly bool IsCharge;", "public readonly bool? IsCharge;",
            "GetVpcEndpointServiceResult: field bool IsCharge is missing or has another type");
        yield return SdkEdit("result constructor parameter renamed", PublicServices,
            "ImmutableArray<Outputs.GetPublicServicesService> services)", "ImmutableArray<Outputs.GetPublicServicesService> items)",
            "GetPublicServicesResult: [OutputConstructor] parameters");
        yield return SdkEdit("function-only type given a Result suffix", "Vpcep/Outputs/GetPublicServicesService.cs",
            "GetPublicServicesService", "GetPublicServicesServiceResult",
            "class Pulumi.Otc.Vpcep.Outputs.GetPublicServicesService is missing");
        yield return SdkEdit("function class renamed", ServiceLookup,
            "public static class GetVpcEndpointService", "public static class GetEndpointService",
            "Pulumi.Otc.Vpcep.GetEndpointService invokes otc:vpcep:getVpcEndpointService, whose class codegen names Pulumi.Otc.Vpcep.GetVpcEndpointService");
        yield return SdkEdit("function class the schema lacks", PublicServices,
            "    public sealed class GetPublicServicesArgs",
            "    public static class ListPublicServices\n    {\n"
            + "        public static Task<GetPublicServicesResult> InvokeAsync(InvokeOptions? options = null)\n"
            + "            => global::Pulumi.Deployment.Instance.InvokeAsync<GetPublicServicesResult>(\"otc:vpcep:listPublicServices\", InvokeArgs.Empty, options.WithDefaults());\n"
            + "    }\n\n    public sealed class GetPublicServicesArgs",
            "Pulumi.Otc.Vpcep.ListPublicServices invokes otc:vpcep:listPublicServices, which the schema does not declare as a function");
    }

    [TestCaseSource(nameof(SdkEdits))]
    [TestCaseSource(nameof(FunctionSdkEdits))]
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
            s["config"]!["variables"]!["endpointType"] = new JsonObject { ["type"] = "string" },
            "config otc:endpointType: no Config property reads it");
        yield return SchemaEdit("approval default flipped", s =>
            Service(s)["inputProperties"]!["approvalEnabled"]!["default"] = false,
            "default for 'approvalEnabled' is true, expected false");
        yield return SchemaEdit("status output dropped", s =>
        {
            Service(s)["properties"]!.AsObject().Remove("status");
            var required = Service(s)["required"]!.AsArray();
            required.Remove(required.Single(n => n!.GetValue<string>() == "status"));
        }, "[Output(\"status\")] Status is not an output in the schema");
        yield return SchemaEdit("plugin download URL set: resources", s => s["pluginDownloadURL"] = "https://dl.example.invalid/otc",
            "Pulumi.Otc.Vpcep.VpcEndpointService.MakeResourceOptions sets PluginDownloadURL to [], but the schema's pluginDownloadURL is 'https://dl.example.invalid/otc'");
        yield return SchemaEdit("plugin download URL set: provider", s => s["pluginDownloadURL"] = "https://dl.example.invalid/otc",
            "Pulumi.Otc.Provider.MakeResourceOptions sets PluginDownloadURL to [], but the schema's pluginDownloadURL is 'https://dl.example.invalid/otc'");
        yield return SchemaEdit("plugin download URL set: invokes", s => s["pluginDownloadURL"] = "https://dl.example.invalid/otc",
            "Pulumi.Otc.Utilities.WithDefaults sets PluginDownloadURL to [], but the schema's pluginDownloadURL is 'https://dl.example.invalid/otc'");
        yield return SchemaEdit("plugin download URL set: manifest", s => s["pluginDownloadURL"] = "https://dl.example.invalid/otc",
            "pulumi-plugin.json server is absent, but the schema's pluginDownloadURL is 'https://dl.example.invalid/otc'");
        yield return SchemaEdit("repository moved", s => s["repository"] = "https://git.example.invalid/otc",
            "Pulumi.Otc.csproj <RepositoryUrl> is [https://github.com/pulumi-otc/pulumi-otc], expected 'https://git.example.invalid/otc' from the schema");
        yield return SchemaEdit("publisher removed", s => s.AsObject().Remove("publisher"),
            "Pulumi.Otc.csproj <Authors> is [pulumi-otc], expected 'Pulumi Corp.' from the schema");
        yield return SchemaEdit("version bumped", s => s["version"] = "0.2.0",
            "version.txt is '0.1.0', expected the schema version 0.2.0");
        yield return SchemaEdit("connections no longer in the approval's state", s =>
            s["resources"]!["otc:vpcep:VpcEndpointApproval"]!["stateInputs"]!["properties"]!.AsObject().Remove("connections"),
            "Pulumi.Otc.Vpcep.Inputs.VpcEndpointApprovalConnectionArgs exists but nothing in the schema uses otc:vpcep:VpcEndpointApprovalConnection in that role");
    }

    private static IEnumerable<TestCaseData> FunctionSchemaEdits()
    {
        yield return SchemaEdit("new function input", s =>
            Function(s, "otc:vpcep:getPublicServices")["inputs"]!["properties"]!["owner"] = new JsonObject { ["type"] = "string" },
            "Pulumi.Otc.Vpcep.GetPublicServicesInvokeArgs: input 'owner' is declared 0 times");
        yield return SchemaEdit("lookup id made required", s =>
            Function(s, "otc:vpcep:getVpcEndpointService")["inputs"]!["required"] = new JsonArray("id"),
            "GetVpcEndpointService.InvokeAsync(..., InvokeOptions? options): parameter list is GetVpcEndpointServiceArgs? args = null, InvokeOptions? options = null, expected GetVpcEndpointServiceArgs args, InvokeOptions? options = null");
        yield return SchemaEdit("lookup status made a required output", s =>
            Function(s, "otc:vpcep:getVpcEndpointService")["outputs"]!["required"]!.AsArray().Add("status"),
            "GetVpcEndpointServiceResult: field string Status is missing or has another type");
        yield return SchemaEdit("new function", s =>
            s["functions"]!["otc:vpcep:getVpcEndpoint"] = new JsonObject
            {
                ["inputs"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["id"] = new JsonObject { ["type"] = "string" } } },
                ["outputs"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["status"] = new JsonObject { ["type"] = "string" } } },
            },
            "function otc:vpcep:getVpcEndpoint: static class Pulumi.Otc.Vpcep.GetVpcEndpoint is missing");
        yield return SchemaEdit("function removed", s =>
            s["functions"]!.AsObject().Remove("otc:vpcep:getPublicServices"),
            "Pulumi.Otc.Vpcep.GetPublicServices invokes otc:vpcep:getPublicServices, which the schema does not declare as a function");
        yield return SchemaEdit("function returns nothing", s =>
            Function(s, "otc:vpcep:getPublicServices").AsObject().Remove("outputs"),
            "Pulumi.Otc.Vpcep.GetPublicServicesResult exists but the schema declares no outputs for otc:vpcep:getPublicServices");
        yield return SchemaEdit("function deprecated", s =>
            Function(s, "otc:vpcep:getPublicServices")["deprecationMessage"] = "Use getVpcEndpointService.",
            "Pulumi.Otc.Vpcep.GetPublicServices: [Obsolete] is absent but the schema deprecates otc:vpcep:getPublicServices");
        yield return SchemaEdit("function-only type gains a property", s =>
            s["types"]!["otc:vpcep:getPublicServicesService"]!["properties"]!["region"] = new JsonObject { ["type"] = "string" },
            "Pulumi.Otc.Vpcep.Outputs.GetPublicServicesService: field string? Region is missing or has another type");
        // In tfbridge20 mode codegen suffixes every output class that a function reaches, even where resources use it.
        yield return SchemaEdit("tfbridge20 names function types Result", s =>
            s["language"]!["csharp"]!["compatibility"] = "tfbridge20",
            "class Pulumi.Otc.Vpcep.Outputs.GetPublicServicesServiceResult is missing");
        yield return SchemaEdit("tfbridge20 renames the port mapping a lookup returns", s =>
            s["language"]!["csharp"]!["compatibility"] = "tfbridge20",
            "VpcEndpointService: output 'ports' type is Output<ImmutableArray<Outputs.PortMapping>>, expected Output<ImmutableArray<Outputs.PortMappingResult>>");
    }

    [TestCaseSource(nameof(SchemaEdits))]
    [TestCaseSource(nameof(FunctionSchemaEdits))]
    public void A_schema_edit_that_breaks_agreement_is_reported(Action<JsonNode> edit, string expected)
    {
        var schema = JsonNode.Parse(SdkFixture.SchemaText)!;
        edit(schema);

        var problems = SdkFixture.Disagreements(SchemaReader.Parse(schema.ToJsonString()), SdkFixture.Sdk);

        Assert.That(problems, Has.Some.Contains(expected));
    }

    [Test]
    public void Function_shapes_the_checks_do_not_know_are_refused_rather_than_checked_with_made_up_names()
    {
        var objectInput = JsonNode.Parse(SdkFixture.SchemaText)!;
        Function(objectInput, "otc:vpcep:getPublicServices")["inputs"]!["properties"]!["filter"] = new JsonObject { ["$ref"] = "#/types/otc:vpcep:PortMapping" };
        var multiArgument = JsonNode.Parse(SdkFixture.SchemaText)!;
        Function(multiArgument, "otc:vpcep:getPublicServices")["multiArgumentInputs"] = new JsonArray("name");
        var scalarOutput = JsonNode.Parse(SdkFixture.SchemaText)!;
        Function(scalarOutput, "otc:vpcep:getPublicServices")["outputs"] = new JsonObject { ["type"] = "string" };

        Assert.Multiple(() =>
        {
            Assert.That(() => SdkFixture.Disagreements(SchemaReader.Parse(objectInput.ToJsonString()), SdkFixture.Sdk),
                Throws.TypeOf<NotSupportedException>().With.Message.Contains("function input refers to an object type"));
            Assert.That(() => SchemaReader.Parse(multiArgument.ToJsonString()),
                Throws.TypeOf<NotSupportedException>().With.Message.Contains("multiArgumentInputs"));
            Assert.That(() => SchemaReader.Parse(scalarOutput.ToJsonString()),
                Throws.TypeOf<NotSupportedException>().With.Message.Contains("returns something other than an object"));
        });
    }

    private static JsonNode Service(JsonNode schema) => schema["resources"]!["otc:vpcep:VpcEndpointService"]!;

    private static JsonNode Function(JsonNode schema, string token) => schema["functions"]![token]!;

    private static TestCaseData SdkEdit(string name, string file, string find, string replace, string expected) =>
        new TestCaseData(file, find, replace, expected).SetArgDisplayNames(name);

    private static TestCaseData SchemaEdit(string name, Action<JsonNode> edit, string expected) =>
        new TestCaseData(edit, expected).SetArgDisplayNames(name);
}
