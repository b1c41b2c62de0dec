using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using VpcepExample;

namespace Otc.Program.Tests.Unit;

/// <summary>
/// The publisher + consumer program under Pulumi's test framework: the service, the lookup by its full name, the
/// endpoint to what the lookup found, the approval of that endpoint, and what the program exports.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PublisherAndConsumerProgramTests
{
    private IDisposable? _config;

    [SetUp]
    public void SetStackConfig() => _config = new StackConfig(new Dictionary<string, string>
    {
        ["otc-vpcep-example:portId"] = "port-unit-test",
        ["otc-vpcep-example:vpcId"] = "vpc-unit-test",
        ["otc-vpcep-example:consumerVpcId"] = "consumer-vpc",
        ["otc-vpcep-example:consumerSubnetId"] = "consumer-subnet",
    }).ApplyToProgram();

    [TearDown]
    public void RestoreConfig() => _config?.Dispose();

    [Test]
    public async Task DeclaresTheServiceAnEndpointToWhatTheLookupFoundAndTheApprovalOfThatEndpoint()
    {
        var mocks = new EchoMocks();

        await RunAsync(mocks);

        Assert.That(mocks.Registrations.Select(r => (r.Type, r.Name)), Is.EquivalentTo(new (string?, string?)[]
        {
            ("otc:vpcep:VpcEndpointService", "web"),
            ("otc:vpcep:VpcEndpoint", "shop-to-web"),
            ("otc:vpcep:VpcEndpointApproval", "web-approvals"),
        }));
        var lookup = mocks.Calls.Single();
        Assert.That(lookup.Token, Is.EqualTo("otc:vpcep:getVpcEndpointService"));
        Assert.That(lookup.Args["name"], Is.EqualTo("eu-de.web.web-id"), "the consumer looks the service up by its full name");
        var endpoint = mocks.Registrations.Single(r => r.Type == "otc:vpcep:VpcEndpoint").Inputs;
        Assert.That(endpoint["serviceId"], Is.EqualTo("web-id"), "the endpoint connects to what the lookup found");
        Assert.That(endpoint["vpcId"], Is.EqualTo("consumer-vpc"));
        Assert.That(endpoint["subnetId"], Is.EqualTo("consumer-subnet"));
        Assert.That(endpoint["enableDns"], Is.True);
        Assert.That(endpoint["enableWhitelist"], Is.False, "the SDK fills in the schema default");
        var approval = mocks.Registrations.Single(r => r.Type == "otc:vpcep:VpcEndpointApproval").Inputs;
        Assert.That(approval["serviceId"], Is.EqualTo("web-id"));
        Assert.That(approval["endpointIds"], Is.EqualTo(new[] { "shop-to-web-id" }), "the owner approves exactly the endpoint");
    }

    [Test]
    public async Task ExportsTheIdsTheEndpointStatusAndEachConnectionsStatus()
    {
        var outputs = await RunAsync(new EchoMocks());

        Assert.That(await ValueAsync<string>(outputs["foundServiceId"]), Is.EqualTo(await ValueAsync<string>(outputs["serviceId"])));
        Assert.That(await ValueAsync<string>(outputs["endpointStatusAtCreation"]), Is.EqualTo("pendingAcceptance"));
        Assert.That(await ValueAsync<ImmutableArray<string>>(outputs["approvedEndpointIds"]), Is.EqualTo(new[] { "shop-to-web-id" }));
        Assert.That(await ValueAsync<ImmutableDictionary<string, string>>(outputs["connectionStatuses"]),
            Is.EquivalentTo(new Dictionary<string, string> { ["shop-to-web-id"] = "accepted" }));
    }

    private static async Task<IDictionary<string, object?>> RunAsync(IMocks mocks)
    {
        var (_, outputs) = await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, ProjectName = "otc-vpcep-example" },
            () => PublisherAndConsumer.Declare());
        return outputs;
    }

    private static Task<T> ValueAsync<T>(object? output) => OutputUtilities.GetValueAsync((Output<T>)output!);
}
