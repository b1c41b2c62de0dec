using System.Collections.Immutable;
using Pulumi;
using Pulumi.Otc.Vpcep;
using Pulumi.Testing;
using VpcepStackReference;

namespace Otc.Program.Tests.Unit;

/// <summary>
/// examples/stack-reference under Pulumi's test framework: the service's port and VPC are the outputs of the network
/// stack the program names, not values of its own.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StackReferenceProgramTests
{
    private const string Project = "otc-vpcep-stack-reference";
    private const string NetworkStack = "acme/network/prod";
    private const string VipPortId = "port-from-network-stack";
    private const string VpcId = "vpc-from-network-stack";

    private IDisposable? _config;

    [SetUp]
    public void SetStackConfig() => _config = new StackConfig(new Dictionary<string, string>
    {
        [Project + ":networkStack"] = NetworkStack,
        [Project + ":consumerDomainId"] = "0123456789abcdef0123456789abcdef",
    }).ApplyToProgram();

    [TearDown]
    public void RestoreConfig() => _config?.Dispose();

    [Test]
    public async Task TheServiceTakesItsPortAndVpcFromTheReferencedStack()
    {
        var mocks = new NetworkStackMocks(new Dictionary<string, object>
        {
            ["vpcId"] = VpcId,
            ["loadBalancerVipPortId"] = VipPortId,
        });

        var (resources, outputs) = await RunAsync(mocks);

        var reference = mocks.Registrations.Single(r => r.Type == "pulumi:pulumi:StackReference");
        var service = mocks.Registrations.Single(r => r.Type == "otc:vpcep:VpcEndpointService");
        Assert.Multiple(() =>
        {
            Assert.That(reference.Inputs["name"], Is.EqualTo(NetworkStack));
            Assert.That(service.Inputs["portId"], Is.EqualTo(VipPortId));
            Assert.That(service.Inputs["vpcId"], Is.EqualTo(VpcId));
            Assert.That(service.Inputs["serverType"], Is.EqualTo("LB"));
            Assert.That(service.Inputs["permissions"], Is.EqualTo(new[] { "0123456789abcdef0123456789abcdef" }));
            Assert.That(resources.OfType<VpcEndpointService>().Count(), Is.EqualTo(1));
            Assert.That(outputs.Keys, Is.EquivalentTo(new[] { "fullServiceName", "serviceId" }));
        });
    }

    [Test]
    public void A_network_stack_without_the_port_output_fails_the_program()
    {
        var mocks = new NetworkStackMocks(new Dictionary<string, object> { ["vpcId"] = VpcId });

        // The test framework reports it as a RunException, or as an AggregateException around one, depending on which
        // of the program's outputs fails first; either names the missing output.
        Assert.That(async () => await RunAsync(mocks), Throws.Exception.With.Message.Contains("Required output 'loadBalancerVipPortId' does not exist"));
    }

    private static Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> RunAsync(IMocks mocks) =>
        Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, ProjectName = Project }, () => ServiceFromNetworkStack.Declare());

    /// <summary>A referenced stack with the given outputs; every other resource echoes its inputs.</summary>
    private sealed class NetworkStackMocks(IReadOnlyDictionary<string, object> networkOutputs) : IMocks
    {
        private readonly List<MockResourceArgs> _registrations = [];

        public IReadOnlyList<MockResourceArgs> Registrations
        {
            get
            {
                lock (_registrations)
                {
                    return [.. _registrations];
                }
            }
        }

        public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            lock (_registrations)
            {
                _registrations.Add(args);
            }
            var state = args.Type == "pulumi:pulumi:StackReference"
                ? ImmutableDictionary<string, object>.Empty
                    .Add("name", args.Inputs["name"])
                    .Add("outputs", networkOutputs.ToImmutableDictionary())
                    .Add("secretOutputNames", ImmutableArray<object>.Empty)
                : args.Inputs.Add("fullServiceName", $"eu-de.{args.Name}.{args.Name}-id");
            return Task.FromResult<(string?, object)>(($"{args.Name}-id", state));
        }

        public Task<object> CallAsync(MockCallArgs args) =>
            throw new NotSupportedException($"the program invoked {args.Token}, which it should not");
    }
}
