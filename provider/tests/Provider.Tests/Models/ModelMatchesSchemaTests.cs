using System.Text.Json.Nodes;
using Otc.Provider.Functions;
using Otc.Provider.Resources.VpcEndpoint;
using Otc.Provider.Resources.VpcEndpointApproval;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.Provider.Tests.Unit;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Schema;

namespace Otc.Provider.Tests.Models;

/// <summary>
/// Each resource's and function's model against the schema the binary serves: the same property names, types (at every
/// depth), requiredness and secretness, for inputs and outputs alike. A property added, renamed or retyped on one side
/// only fails here instead of turning into a silent diff bug.
/// </summary>
public sealed class ModelMatchesSchemaTests
{
    public static IEnumerable<TestCaseData> Models()
    {
        foreach (var data in Resource(VpcEndpointServiceHandler.TypeToken, VpcEndpointServiceInputs.Properties.Shape, VpcEndpointServiceState.Properties.Shape)
            .Concat(Resource(VpcEndpointHandler.TypeToken, VpcEndpointInputs.Properties.Shape, VpcEndpointState.Properties.Shape))
            .Concat(Resource(VpcEndpointApprovalHandler.TypeToken, VpcEndpointApprovalInputs.Properties.Shape, VpcEndpointApprovalState.Properties.Shape))
            .Concat(Function(GetVpcEndpointServiceFunction.FunctionToken, GetVpcEndpointServiceArgs.Properties.Shape, GetVpcEndpointServiceResult.Properties.Shape))
            .Concat(Function(GetPublicServicesFunction.FunctionToken, GetPublicServicesArgs.Properties.Shape, GetPublicServicesResult.Properties.Shape))
            .Concat(Function(GetVpcEndpointsFunction.FunctionToken, GetVpcEndpointsArgs.Properties.Shape, GetVpcEndpointsResult.Properties.Shape))
            .Concat(Function(GetVpcEndpointServicesFunction.FunctionToken, GetVpcEndpointServicesArgs.Properties.Shape, GetVpcEndpointServicesResult.Properties.Shape))
            .Concat(Function(GetVpcEndpointServiceConnectionsFunction.FunctionToken, GetVpcEndpointServiceConnectionsArgs.Properties.Shape, GetVpcEndpointServiceConnectionsResult.Properties.Shape))
            .Concat(Function(GetQuotasFunction.FunctionToken, GetQuotasArgs.Properties.Shape, GetQuotasResult.Properties.Shape)))
        {
            yield return data;
        }
    }

    [TestCaseSource(nameof(Models))]
    public void The_model_declares_what_the_schema_declares(string token, SchemaShape model, Func<PackageSchema, SchemaShape?> fromSchema)
    {
        var schema = fromSchema(SchemaRules.Schema);

        Assert.That(schema, Is.Not.Null, $"the schema declares no {token}");
        Assert.That(ShapeComparison.Disagreements(model, schema!), Is.Empty);
    }

    [Test]
    public void Every_resource_and_function_of_the_schema_has_a_model()
    {
        var schema = JsonNode.Parse(SchemaRules.EmbeddedSchemaJson())!;
        var modelled = Models().Select(data => (string)data.Arguments[0]!).ToHashSet(StringComparer.Ordinal);

        var declared = schema["resources"]!.AsObject().Select(pair => pair.Key).Concat(schema["functions"]!.AsObject().Select(pair => pair.Key));

        Assert.That(declared, Is.SubsetOf(modelled));
    }

    [Test]
    public void A_renamed_input_is_caught()
    {
        var renamed = WithSchemaEdit(root => Rename(root["resources"]![VpcEndpointServiceHandler.TypeToken]!["inputProperties"]!.AsObject(), "tcpProxy", "tcpProxyMode"));

        var found = ShapeComparison.Disagreements(VpcEndpointServiceInputs.Properties.Shape, renamed.ResourceInputs(VpcEndpointServiceHandler.TypeToken)!);

        Assert.That(found, Is.EquivalentTo(new[] { "tcpProxy: in the model, not in the schema", "tcpProxyMode: in the schema, not in the model" }));
    }

    [Test]
    public void A_renamed_field_of_an_object_type_is_caught_in_every_model_that_uses_it()
    {
        var renamed = WithSchemaEdit(root => Rename(root["types"]!["otc:vpcep:PortMapping"]!["properties"]!.AsObject(), "serverPort", "backendPort"));

        Assert.That(
            ShapeComparison.Disagreements(VpcEndpointServiceInputs.Properties.Shape, renamed.ResourceInputs(VpcEndpointServiceHandler.TypeToken)!),
            Does.Contain("ports[].serverPort: in the model, not in the schema"));
        Assert.That(
            ShapeComparison.Disagreements(GetVpcEndpointServiceResult.Properties.Shape, renamed.FunctionOutputs(GetVpcEndpointServiceFunction.FunctionToken)!),
            Does.Contain("ports[].backendPort: in the schema, not in the model"));
    }

    [Test]
    public void A_changed_type_requiredness_or_secretness_is_caught()
    {
        var edited = WithSchemaEdit(root =>
        {
            var endpoint = root["resources"]![VpcEndpointHandler.TypeToken]!;
            endpoint["inputProperties"]!["enableDns"]!["type"] = "string";
            endpoint["requiredInputs"]!.AsArray().Add("subnetId");
            endpoint["inputProperties"]!["description"]!["secret"] = true;
        });

        var found = ShapeComparison.Disagreements(VpcEndpointInputs.Properties.Shape, edited.ResourceInputs(VpcEndpointHandler.TypeToken)!);

        Assert.That(found, Is.EquivalentTo(new[]
        {
            "enableDns: the model says boolean, the schema string",
            "subnetId: required in the schema only",
            "description: secret in the schema only",
        }));
    }

    [Test]
    public void A_property_the_model_renames_is_caught()
    {
        var renamed = new PropertyTable<VpcEndpointApprovalInputs>()
            .Add("serviceID", Codec.String, m => m.ServiceId, (m, v) => m with { ServiceId = v }, PropertyFlags.Required)
            .Add("endpointIds", Codec.ListOf(Codec.String), m => m.EndpointIds, (m, v) => m with { EndpointIds = v }, PropertyFlags.Required);

        var found = ShapeComparison.Disagreements(renamed.Shape, SchemaRules.Schema.ResourceInputs(VpcEndpointApprovalHandler.TypeToken)!);

        Assert.That(found, Is.EquivalentTo(new[] { "serviceID: in the model, not in the schema", "serviceId: in the schema, not in the model" }));
    }

    private static IEnumerable<TestCaseData> Resource(string token, SchemaShape inputs, SchemaShape state) =>
    [
        Case(token, "inputProperties", inputs, schema => schema.ResourceInputs(token)),
        Case(token, "properties", state, schema => schema.ResourceOutputs(token)),
    ];

    private static IEnumerable<TestCaseData> Function(string token, SchemaShape args, SchemaShape result) =>
    [
        Case(token, "inputs", args, schema => schema.FunctionInputs(token)),
        Case(token, "outputs", result, schema => schema.FunctionOutputs(token)),
    ];

    private static TestCaseData Case(string token, string section, SchemaShape model, Func<PackageSchema, SchemaShape?> fromSchema) =>
        new TestCaseData(token, model, fromSchema).SetArgDisplayNames(token, section);

    private static PackageSchema WithSchemaEdit(Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(SchemaRules.EmbeddedSchemaJson())!;
        edit(root);
        return new PackageSchema(root.ToJsonString());
    }

    private static void Rename(JsonObject properties, string from, string to)
    {
        var value = properties[from]!;
        properties.Remove(from);
        properties[to] = value;
    }
}
