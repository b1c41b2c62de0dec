using Otc.Sdk.Tests.Schema;

namespace Otc.Sdk.Tests;

/// <summary>
/// Rules inside schema.json that the SDK comparison cannot see: codegen reads replaceOnChanges from the outputs,
/// the provider's differ from the inputs, so both must say the same.
/// </summary>
[TestFixture]
public sealed class SchemaConsistencyTests
{
    private static readonly PackageSchema CommittedSchema = SdkFixture.Schema;

    private static IEnumerable<TestCaseData> Resources() =>
        CommittedSchema.Resources.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Token));

    [TestCaseSource(nameof(Resources))]
    public void Inputs_and_outputs_mark_the_same_properties_replace_on_changes(ResourceSchema resource) =>
        Assert.That(
            resource.Inputs.Where(p => p.ReplaceOnChanges).Select(p => p.Name),
            Is.EquivalentTo(resource.Outputs.Where(p => p.ReplaceOnChanges).Select(p => p.Name)));

    [TestCaseSource(nameof(Resources))]
    public void Every_input_is_also_an_output_of_the_same_type(ResourceSchema resource)
    {
        var outputs = resource.Outputs.ToDictionary(p => p.Name, p => p.Type);
        Assert.That(resource.Inputs.Where(i => !outputs.TryGetValue(i.Name, out var type) || type != i.Type).Select(i => i.Name), Is.Empty);
    }

    [TestCaseSource(nameof(Resources))]
    public void State_inputs_cover_exactly_the_outputs(ResourceSchema resource) =>
        Assert.That(resource.StateInputs?.Select(p => p.Name), Is.EquivalentTo(resource.Outputs.Select(p => p.Name)));

    [Test]
    public void The_vpc_endpoint_service_replaces_on_exactly_vpc_server_type_service_type_and_pool() =>
        Assert.That(
            CommittedSchema.Resources.Single(r => r.Token == "otc:vpcep:VpcEndpointService").Inputs.Where(p => p.ReplaceOnChanges).Select(p => p.Name),
            Is.EquivalentTo(new[] { "vpcId", "serverType", "serviceType", "poolId" }));

    [Test]
    public void Exactly_the_four_credential_secrets_are_secret_in_config_and_provider_inputs()
    {
        string[] secrets = ["secretKey", "securityToken", "password", "token"];
        Assert.Multiple(() =>
        {
            Assert.That(CommittedSchema.ConfigVariables.Where(v => v.Secret).Select(v => v.Name), Is.EquivalentTo(secrets));
            Assert.That(CommittedSchema.Provider.Inputs.Where(v => v.Secret).Select(v => v.Name), Is.EquivalentTo(secrets));
        });
    }

    [Test]
    public void Provider_inputs_mirror_the_config_variables_with_the_same_types_and_environment() =>
        Assert.That(
            CommittedSchema.Provider.Inputs.Select(p => (p.Name, p.Type, string.Join(",", p.Environment))),
            Is.EquivalentTo(CommittedSchema.ConfigVariables.Select(v => (v.Name, v.Type, string.Join(",", v.Environment)))));
}
