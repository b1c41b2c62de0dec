using Otc.Sdk.Tests.Conformance;
using Otc.Sdk.Tests.Schema;
using Otc.Sdk.Tests.Sdk;

namespace Otc.Sdk.Tests;

/// <summary>The committed sdk/dotnet declares exactly what the committed schema.json describes, both ways.</summary>
[TestFixture]
public sealed class SdkMatchesSchemaTests
{
    private PackageSchema _schema = null!;
    private SdkSources _sdk = null!;
    private SdkConformance _conformance = null!;

    [OneTimeSetUp]
    public void ReadSchemaAndSdk()
    {
        _schema = SdkFixture.Schema;
        _sdk = SdkFixture.Sdk;
        _conformance = new SdkConformance(_schema, _sdk);
    }

    [Test]
    public void Every_resource_class_with_its_args_and_state_matches_the_schema() =>
        Assert.That(_conformance.Resources(), Is.Empty);

    [Test]
    public void Every_function_has_its_static_class_args_invoke_args_and_result_matching_the_schema() =>
        Assert.That(_conformance.Functions(), Is.Empty);

    [Test]
    public void The_provider_class_and_its_args_match_the_schema_provider() =>
        Assert.That(_conformance.Provider(), Is.Empty);

    [Test]
    public void Every_object_type_has_matching_input_state_and_output_classes() =>
        Assert.That(_conformance.ObjectTypes(), Is.Empty);

    [Test]
    public void Every_enum_type_is_a_struct_with_exactly_the_schema_values() =>
        Assert.That(_conformance.Enums(), Is.Empty);

    [Test]
    public void Every_config_variable_has_a_config_property_reading_the_same_key_and_environment() =>
        Assert.That(_conformance.Config(), Is.Empty);

    [Test]
    public void The_sdk_declares_no_resource_enum_or_type_the_schema_lacks() =>
        Assert.That(_conformance.UndeclaredInSchema(), Is.Empty);

    [Test]
    public void Version_plugin_manifest_and_project_file_match_the_schema() =>
        Assert.That(new PackageFilesConformance(_schema, _sdk).All(), Is.Empty);

    [Test]
    public void Every_csharp_file_in_the_sdk_parses_without_syntax_errors()
    {
        var errors = _sdk.Types.Select(t => t.Syntax.SyntaxTree).Distinct()
            .SelectMany(tree => tree.GetDiagnostics().Select(d => tree.FilePath + ": " + d))
            .ToList();
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void The_vpc_endpoint_service_args_use_the_csharp_types_users_program_against()
    {
        var args = _sdk.Find("Pulumi.Otc.Vpcep.VpcEndpointServiceArgs")!;
        var types = SyntaxQueries.Inputs(args.Syntax).ToDictionary(i => i.WireName, i => i.Type);

        Assert.Multiple(() =>
        {
            Assert.That(types["approvalEnabled"], Is.EqualTo("Input<bool>?"));
            Assert.That(types["ports"], Is.EqualTo("InputList<Inputs.PortMappingArgs>"));
            Assert.That(types["tags"], Is.EqualTo("InputMap<string>"));
            Assert.That(types["permissions"], Is.EqualTo("InputList<string>"));
            Assert.That(types["serverType"], Is.EqualTo("Input<Pulumi.Otc.Vpcep.ServerType>"));
            Assert.That(types["tcpProxy"], Is.EqualTo("Input<Pulumi.Otc.Vpcep.TcpProxy>?"));
        });
    }

    [Test]
    public void The_vpc_endpoint_service_outputs_expose_port_mappings_as_an_immutable_array()
    {
        var resource = _sdk.Find("Pulumi.Otc.Vpcep.VpcEndpointService")!;
        var ports = SyntaxQueries.Outputs(resource.Syntax).Single(o => o.WireName == "ports");

        Assert.That(ports.Type, Is.EqualTo("Output<ImmutableArray<Outputs.PortMapping>>"));
    }

    [Test]
    public void Replacement_is_forced_by_the_sdk_for_exactly_the_four_replace_properties()
    {
        var resource = _sdk.Find("Pulumi.Otc.Vpcep.VpcEndpointService")!;

        Assert.That(
            SyntaxQueries.ResourceOptionList(resource.Syntax, "ReplaceOnChanges"),
            Is.EquivalentTo(new[] { "vpcId", "serverType", "serviceType", "poolId" }));
    }

    [Test]
    public void The_checks_cover_every_schema_property_rather_than_passing_on_an_empty_sdk()
    {
        var resource = _schema.Resources.Single(r => r.Token == "otc:vpcep:VpcEndpointService");
        var args = _sdk.Find("Pulumi.Otc.Vpcep.VpcEndpointServiceArgs")!;
        var outputs = _sdk.Find("Pulumi.Otc.Vpcep.VpcEndpointService")!;

        Assert.Multiple(() =>
        {
            Assert.That(SyntaxQueries.Inputs(args.Syntax).Select(i => i.WireName), Is.EquivalentTo(resource.Inputs.Select(p => p.Name)));
            Assert.That(SyntaxQueries.Outputs(outputs.Syntax).Select(o => o.WireName), Is.EquivalentTo(resource.Outputs.Select(p => p.Name)));
            Assert.That(resource.Outputs, Has.Count.EqualTo(resource.Inputs.Count + 7), "every input plus status, fullServiceName, createdAt, updatedAt, projectId, errors, connectionCount");
        });
    }

    [Test]
    public void The_endpoint_is_replaced_on_every_input_but_tags_and_its_args_default_dns_and_whitelist_to_off()
    {
        var schemaInputs = _schema.Resources.Single(r => r.Token == "otc:vpcep:VpcEndpoint").Inputs.Select(p => p.Name);
        var endpoint = _sdk.Find("Pulumi.Otc.Vpcep.VpcEndpoint")!;
        var args = _sdk.Find("Pulumi.Otc.Vpcep.VpcEndpointArgs")!;

        Assert.Multiple(() =>
        {
            Assert.That(SyntaxQueries.ResourceOptionList(endpoint.Syntax, "ReplaceOnChanges"), Is.EquivalentTo(schemaInputs.Where(n => n != "tags")));
            Assert.That(SyntaxQueries.ConstructorDefaults(args.Syntax), Is.EquivalentTo(new Dictionary<string, string>
            {
                ["EnableDns"] = "false",
                ["EnableWhitelist"] = "false",
            }));
        });
    }

    [Test]
    public void The_approval_connection_type_that_only_outputs_and_state_use_has_output_args_and_get_args_classes()
    {
        var approval = _sdk.Find("Pulumi.Otc.Vpcep.VpcEndpointApproval")!;
        var state = _sdk.Find("Pulumi.Otc.Vpcep.VpcEndpointApprovalState")!;

        Assert.Multiple(() =>
        {
            Assert.That(SyntaxQueries.Outputs(approval.Syntax).Single(o => o.WireName == "connections").Type,
                Is.EqualTo("Output<ImmutableArray<Outputs.VpcEndpointApprovalConnection>>"));
            Assert.That(SyntaxQueries.Inputs(state.Syntax).Single(i => i.WireName == "connections").Type,
                Is.EqualTo("InputList<Inputs.VpcEndpointApprovalConnectionGetArgs>"));
            Assert.That(
                _sdk.Types.Where(t => t.Name.StartsWith("VpcEndpointApprovalConnection", StringComparison.Ordinal)).Select(t => t.FullName),
                Is.EquivalentTo(new[]
                {
                    "Pulumi.Otc.Vpcep.Outputs.VpcEndpointApprovalConnection",
                    "Pulumi.Otc.Vpcep.Inputs.VpcEndpointApprovalConnectionArgs",
                    "Pulumi.Otc.Vpcep.Inputs.VpcEndpointApprovalConnectionGetArgs",
                }));
        });
    }

    [Test]
    public void The_function_checks_cover_every_lookup_and_each_input_and_output_rather_than_passing_on_an_empty_sdk()
    {
        Assert.That(_schema.Functions.Select(f => f.Token), Is.EquivalentTo(new[]
        {
            "otc:vpcep:getVpcEndpointService", "otc:vpcep:getPublicServices", "otc:vpcep:getVpcEndpoints", "otc:vpcep:getVpcEndpointServices",
            "otc:vpcep:getVpcEndpointServiceConnections", "otc:vpcep:getQuotas",
        }));
        Assert.Multiple(() =>
        {
            foreach (var function in _schema.Functions)
            {
                var prefix = "Pulumi.Otc.Vpcep." + CSharpNaming.FunctionClassName(function.Token);
                var inputs = function.Inputs!.Select(p => p.Name).ToList();
                Assert.That(inputs, Is.Not.Empty, function.Token);
                Assert.That(SyntaxQueries.InvokedTokens(_sdk.Find(prefix)!.Syntax), Is.EqualTo(new[] { function.Token }), prefix);
                Assert.That(SyntaxQueries.Inputs(_sdk.Find(prefix + "Args")!.Syntax).Select(i => i.WireName), Is.EquivalentTo(inputs), prefix + "Args");
                Assert.That(SyntaxQueries.Inputs(_sdk.Find(prefix + "InvokeArgs")!.Syntax).Select(i => i.WireName), Is.EquivalentTo(inputs), prefix + "InvokeArgs");
                Assert.That(
                    SyntaxQueries.OutputConstructorParameters(_sdk.Find(prefix + "Result")!.Syntax)!.Select(p => p.Name),
                    Is.EqualTo(function.Outputs!.Select(p => p.Name)),
                    prefix + "Result");
            }
        });
    }

    [TestCase("Pulumi.Otc.Vpcep.GetVpcEndpointService")]
    [TestCase("Pulumi.Otc.Vpcep.GetPublicServices")]
    [TestCase("Pulumi.Otc.Vpcep.GetVpcEndpoints")]
    [TestCase("Pulumi.Otc.Vpcep.GetVpcEndpointServices")]
    [TestCase("Pulumi.Otc.Vpcep.GetQuotas")]
    public void A_lookup_without_required_inputs_takes_optional_args_except_in_the_invoke_output_options_overload(string functionClass)
    {
        var name = functionClass[(functionClass.LastIndexOf('.') + 1)..];
        var methods = SyntaxQueries.PublicMethods(_sdk.Find(functionClass)!.Syntax);

        Assert.That(methods.Select(m => m.Signature), Is.EquivalentTo(new[]
        {
            $"Task<{name}Result> InvokeAsync({name}Args? args = null, InvokeOptions? options = null)",
            $"Output<{name}Result> Invoke({name}InvokeArgs? args = null, InvokeOptions? options = null)",
            $"Output<{name}Result> Invoke({name}InvokeArgs args, InvokeOutputOptions options)",
        }));
    }

    [Test]
    public void A_lookup_with_a_required_input_takes_args_in_every_overload()
    {
        var methods = SyntaxQueries.PublicMethods(_sdk.Find("Pulumi.Otc.Vpcep.GetVpcEndpointServiceConnections")!.Syntax);

        Assert.That(methods.Select(m => m.Signature), Is.EquivalentTo(new[]
        {
            "Task<GetVpcEndpointServiceConnectionsResult> InvokeAsync(GetVpcEndpointServiceConnectionsArgs args, InvokeOptions? options = null)",
            "Output<GetVpcEndpointServiceConnectionsResult> Invoke(GetVpcEndpointServiceConnectionsInvokeArgs args, InvokeOptions? options = null)",
            "Output<GetVpcEndpointServiceConnectionsResult> Invoke(GetVpcEndpointServiceConnectionsInvokeArgs args, InvokeOutputOptions options)",
        }));
    }

    [Test]
    public void The_lookup_results_type_ports_services_and_optional_outputs_as_users_program_against()
    {
        var service = SyntaxQueries.ReadonlyFields(_sdk.Find("Pulumi.Otc.Vpcep.GetVpcEndpointServiceResult")!.Syntax).ToDictionary(f => f.CSharpName, f => f.Type);
        var publicServices = SyntaxQueries.ReadonlyFields(_sdk.Find("Pulumi.Otc.Vpcep.GetPublicServicesResult")!.Syntax).ToDictionary(f => f.CSharpName, f => f.Type);

        Assert.Multiple(() =>
        {
            Assert.That(service["Ports"], Is.EqualTo("ImmutableArray<Outputs.PortMapping>"));
            Assert.That(service["IsCharge"], Is.EqualTo("bool"), "required");
            Assert.That(service["ApprovalEnabled"], Is.EqualTo("bool?"), "only for services of the configured project");
            Assert.That(service["Tags"], Is.EqualTo("ImmutableDictionary<string,string>?"));
            Assert.That(publicServices["Services"], Is.EqualTo("ImmutableArray<Outputs.GetPublicServicesService>"));
            Assert.That(publicServices["Name"], Is.EqualTo("string?"));
            Assert.That(Field("Pulumi.Otc.Vpcep.Outputs.GetQuotasQuota", "Used"), Is.EqualTo("int"), "required integer");
            Assert.That(Field("Pulumi.Otc.Vpcep.Outputs.GetVpcEndpointServicesService", "ConnectionCount"), Is.EqualTo("int?"));
            Assert.That(Field("Pulumi.Otc.Vpcep.Outputs.GetVpcEndpointsEndpoint", "ActiveStatus"), Is.EqualTo("ImmutableArray<string>"));
            Assert.That(Field("Pulumi.Otc.Vpcep.GetVpcEndpointServiceConnectionsResult", "Connections"), Is.EqualTo("ImmutableArray<Outputs.GetVpcEndpointServiceConnectionsConnection>"));
        });
    }

    [Test]
    public void The_public_service_type_only_a_function_returns_is_one_output_class_named_without_a_result_suffix() =>
        Assert.That(
            _sdk.Types.Where(t => t.Name.StartsWith("GetPublicServicesService", StringComparison.Ordinal)).Select(t => t.FullName),
            Is.EqualTo(new[] { "Pulumi.Otc.Vpcep.Outputs.GetPublicServicesService" }));

    private string Field(string type, string name) =>
        SyntaxQueries.ReadonlyFields(_sdk.Find(type)!.Syntax).Single(f => f.CSharpName == name).Type;
}
