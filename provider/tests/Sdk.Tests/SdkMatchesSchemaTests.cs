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
            Assert.That(resource.Outputs, Has.Count.EqualTo(resource.Inputs.Count + 5), "every input plus status, fullServiceName, createdAt, updatedAt, projectId");
        });
    }
}
