using System.Collections.Immutable;
using Pulumi;
using Pulumi.Otc.Vpcep;
using Pulumi.Otc.Vpcep.Outputs;
using Pulumi.Testing;
using Pulumi.Utilities;
using VpcepExample;

namespace Otc.Program.Tests.Unit;

/// <summary>
/// The example program under Pulumi's test framework, with mocks in place of the engine: which resources it declares,
/// with which inputs, and what it exports. The pattern a user copies to test their own program.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class WebServiceProgramTests
{
    private const string PortId = "port-unit-test";
    private const string VpcId = "vpc-unit-test";

    private IDisposable? _config;

    [SetUp]
    public void SetStackConfig() => _config = new StackConfig(new Dictionary<string, string>
    {
        ["otc-vpcep-example:portId"] = PortId,
        ["otc-vpcep-example:vpcId"] = VpcId,
    }).ApplyToProgram();

    [TearDown]
    public void RestoreConfig() => _config?.Dispose();

    [Test]
    public async Task DeclaresOneVpcEndpointServiceNamedWeb()
    {
        var mocks = new EchoMocks();

        var (resources, _) = await RunAsync(mocks);

        Assert.That(resources.OfType<VpcEndpointService>().Count(), Is.EqualTo(1));
        Assert.That(mocks.Registrations.Select(r => (r.Type, r.Name)), Is.EqualTo(new[] { ((string?)"otc:vpcep:VpcEndpointService", (string?)"web") }));
        Assert.That(mocks.Registrations.Single().Provider, Is.Null.Or.Empty, "without options the default provider (stack config) is used");
    }

    [Test]
    public async Task SendsTheServiceInputsTheProgramDeclaresWithTheSchemaDefaults()
    {
        var mocks = new EchoMocks();

        await RunAsync(mocks);

        var inputs = mocks.Registrations.Single().Inputs;
        Assert.That(inputs["portId"], Is.EqualTo(PortId), "from stack config");
        Assert.That(inputs["vpcId"], Is.EqualTo(VpcId), "from stack config");
        Assert.That(inputs["serverType"], Is.EqualTo("LB"));
        Assert.That(inputs["serviceName"], Is.EqualTo("web"));
        Assert.That(inputs["approvalEnabled"], Is.True);
        Assert.That(inputs["tcpProxy"], Is.EqualTo("close"));
        Assert.That(inputs["serviceType"], Is.EqualTo("interface"), "the SDK fills in the schema default");
        Assert.That(inputs["description"], Is.EqualTo("Web front end, published to partner accounts"));
        Assert.That(Ports(inputs["ports"]), Is.EqualTo(new[] { "80:8080/TCP", "443:8443/TCP" }));
        Assert.That(inputs["tags"], Is.EquivalentTo(new Dictionary<string, object> { ["team"] = "platform", ["env"] = "dev" }));
        Assert.That(inputs["permissions"], Is.EqualTo(new[] { "d0000000000000000000000000000002" }));
    }

    [Test]
    public async Task ExportsTheServiceIdNameStatusAndPorts()
    {
        var (_, outputs) = await RunAsync(new EchoMocks());

        Assert.That(outputs.Keys, Is.EquivalentTo(new[] { "fullServiceName", "serviceId", "status", "ports" }));
        Assert.That(await OutputUtilities.GetValueAsync((Output<string>)outputs["serviceId"]!), Is.EqualTo("web-id"));
        Assert.That(await OutputUtilities.GetValueAsync((Output<string>)outputs["fullServiceName"]!), Is.EqualTo("eu-de.web.web-id"));
        Assert.That(await OutputUtilities.GetValueAsync((Output<string>)outputs["status"]!), Is.EqualTo("available"));
        var ports = await OutputUtilities.GetValueAsync((Output<ImmutableArray<PortMapping>>)outputs["ports"]!);
        Assert.That(ports.Select(p => $"{p.ClientPort}:{p.ServerPort}"), Is.EqualTo(new[] { "80:8080", "443:8443" }));
    }

    [Test]
    public async Task UsesTheProviderGivenInTheResourceOptions()
    {
        var mocks = new EchoMocks();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, ProjectName = "otc-vpcep-example" }, () =>
        {
            var provider = new Pulumi.Otc.Provider("explicit", new Pulumi.Otc.ProviderArgs { Region = "eu-de" });
            return WebService.Declare(new CustomResourceOptions { Provider = provider });
        });

        var service = mocks.Registrations.Single(r => r.Type == "otc:vpcep:VpcEndpointService");
        // A provider reference is the provider's URN and id.
        Assert.That(service.Provider, Does.EndWith("pulumi:providers:otc::explicit::explicit-id"));
    }

    [Test]
    public void FailsWithAClearMessageWhenThePortIdIsNotConfigured()
    {
        _config!.Dispose();
        using var partial = new StackConfig(new Dictionary<string, string> { ["otc-vpcep-example:vpcId"] = VpcId }).ApplyToProgram();

        var failure = Assert.ThrowsAsync<RunException>(() => RunAsync(new EchoMocks()));

        Assert.That(failure!.Message, Does.Contain("otc-vpcep-example:portId"));
    }

    private static Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> RunAsync(IMocks mocks) =>
        Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, ProjectName = "otc-vpcep-example" }, () => WebService.Declare());

    private static IEnumerable<string> Ports(object ports) =>
        ((ImmutableArray<object>)ports).Cast<ImmutableDictionary<string, object>>()
            .Select(port => $"{port["clientPort"]}:{port["serverPort"]}/{port.GetValueOrDefault("protocol", "TCP")}");
}
