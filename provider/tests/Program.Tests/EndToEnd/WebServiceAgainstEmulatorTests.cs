using System.Collections.Immutable;
using Otc.CloudClient;
using Otc.Emulator;
using Otc.EmulatorHarness;
using Otc.EngineHarness;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using VpcepExample;
using SdkPortMapping = Pulumi.Otc.Vpcep.Outputs.PortMapping;

namespace Otc.Program.Tests.EndToEnd;

/// <summary>
/// The example program end to end: Pulumi's .NET SDK runs it, <see cref="ProviderForwardingMocks"/> hand what it
/// registers to the published provider binary over gRPC, and the provider calls the emulator process over HTTP.
/// What the program exports must be what the emulator holds.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class WebServiceAgainstEmulatorTests
{
    private const string Project = "otc-vpcep-example";
    private const string Stack = "dev";

    /// <summary>The provider reads what it waits for at the pace of the emulator's short creations.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private EmulatorProcess? _emulator;

    private EmulatorProcess Emulator => _emulator ?? throw new InvalidOperationException("the emulator is not running");

    private string Endpoint => Emulator.BaseUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>The default provider's settings as stack config: AK/SK against the emulator.</summary>
    private Dictionary<string, string> DefaultProviderConfig => EmulatorAccount.Owner.StackConfig(Emulator.BaseUrl);

    private string ServicesPath => $"/v1/{EmulatorAccounts.DefaultProjectId}/vpc-endpoint-services";

    [OneTimeSetUp]
    public async Task StartEmulator() => _emulator = await EmulatorProcess.StartAsync(
        Path.Combine(TestContext.CurrentContext.TestDirectory, "otc-emulator.dll"), ["--create-delay-ms", "200", "--delete-delay-ms", "100"]);

    [OneTimeTearDown]
    public async Task StopEmulator()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    [SetUp]
    public Task ClearJournal() => Emulator.Admin.ClearJournalAsync();

    [Test]
    public async Task TheDefaultProviderFromStackConfigCreatesTheServiceAndTheProgramExportsWhatTheEmulatorHolds()
    {
        var config = ProgramConfig(NewPortId(), DefaultProviderConfig);
        await using var mocks = Mocks(config);

        var outputs = await RunAsync(mocks, config, () => WebService.Declare());

        var serviceId = await ValueOf<string>(outputs["serviceId"]);
        await AssertOutputsAreTheEmulatorsService(outputs, serviceId);
        Assert.That(mocks.ConfiguredProviders, Is.EqualTo(new[] { $"urn:pulumi:{Stack}::{Project}::pulumi:providers:otc::default" }));
        Assert.That(mocks.PluginStandardError, Does.Not.Contain(EmulatorAccounts.SecretKey));
    }

    [Test]
    public async Task AnExplicitProviderGetsItsNonStringSettingsAsStringsAndItsSecretKeyStaysSecret()
    {
        // No otc:* stack config: a default provider could not be configured, so only the explicit one can do the work.
        var config = ProgramConfig(NewPortId(), new Dictionary<string, string>());
        await using var mocks = Mocks(config);

        var outputs = await RunAsync(mocks, config, () =>
        {
            var provider = new Pulumi.Otc.Provider("emulator", new Pulumi.Otc.ProviderArgs
            {
                Region = "eu-de",
                ProjectId = EmulatorAccounts.DefaultProjectId,
                AccessKey = EmulatorAccounts.AccessKey,
                SecretKey = EmulatorAccounts.SecretKey,
                VpcepEndpoint = Endpoint,
                MaxRetries = 2,
                Insecure = false,
            });
            var exported = WebService.Declare(new CustomResourceOptions { Provider = provider });
            exported["providerSecretKey"] = provider.SecretKey;
            return exported;
        });

        var providerInputs = mocks.Registrations.Single(r => r.Type == "pulumi:providers:otc").Inputs;
        Assert.That(providerInputs["maxRetries"], Is.EqualTo(PropertyValueOf("2")), "the SDK JSON-encodes a non-string provider input");
        Assert.That(providerInputs["insecure"], Is.EqualTo(PropertyValueOf("false")), "the SDK JSON-encodes a non-string provider input");
        Assert.That(mocks.ConfiguredProviders, Has.Count.EqualTo(1).And.All.EndsWith("pulumi:providers:otc::emulator"));
        Assert.That(mocks.Registrations.Single(r => r.Type == "otc:vpcep:VpcEndpointService").ProviderReference,
            Does.Contain("pulumi:providers:otc::emulator::"));

        var serviceId = await ValueOf<string>(outputs["serviceId"]);
        await AssertOutputsAreTheEmulatorsService(outputs, serviceId);
        var secretKey = (Output<string?>)outputs["providerSecretKey"]!;
        Assert.That(await Output.IsSecretAsync(secretKey), Is.True, "a secret input stays secret in the program's outputs");
        Assert.That(await OutputUtilities.GetValueAsync(secretKey), Is.EqualTo(EmulatorAccounts.SecretKey));
        Assert.That(mocks.PluginStandardError, Does.Not.Contain(EmulatorAccounts.SecretKey));
    }

    [Test]
    public async Task ThePublisherAndConsumerProgramConnectsAnEndpointThatTheApprovalAcceptsInTheEmulator()
    {
        var config = ProgramConfig(NewPortId(), DefaultProviderConfig, consumer: true);
        await using var mocks = Mocks(config);

        var outputs = await RunAsync(mocks, config, () => PublisherAndConsumer.Declare());

        var serviceId = await ValueOf<string>(outputs["serviceId"]);
        var endpointId = await ValueOf<string>(outputs["endpointId"]);
        var journal = await Emulator.Admin.JournalAsync();
        using var cloud = await CloudAsync();
        var endpoint = await cloud.GetEndpointAsync(endpointId, CancellationToken.None);
        var connection = (await cloud.ListConnectionsAsync(serviceId, endpointId, CancellationToken.None)).Single();

        Assert.That(mocks.Calls, Is.EqualTo(new[] { "otc:vpcep:getVpcEndpointService" }), "the lookup went to the provider's Invoke");
        Assert.That(await ValueOf<string>(outputs["foundServiceId"]), Is.EqualTo(serviceId), "the lookup by name found the service");
        Assert.That(endpoint.EndpointServiceId, Is.EqualTo(serviceId));
        Assert.That(await ValueOf<string>(outputs["endpointStatusAtCreation"]), Is.EqualTo("pendingAcceptance"));
        Assert.That(connection.Status, Is.EqualTo("accepted"), "the approval accepted the endpoint in the emulator");
        Assert.That(await ValueOf<ImmutableDictionary<string, string>>(outputs["connectionStatuses"]),
            Is.EquivalentTo(new Dictionary<string, string> { [endpointId] = "accepted" }));
        Assert.That(journal.Count(call => call.Method == "POST" && call.Path == ServicesPath), Is.EqualTo(1), "one POST for the service");
        Assert.That(journal.Count(call => call.Method == "POST" && call.Path == $"/v1/{EmulatorAccounts.DefaultProjectId}/vpc-endpoints"), Is.EqualTo(1), "one POST for the endpoint");
        Assert.That(journal.Count(call => call.Path.EndsWith("/connections/action", StringComparison.Ordinal)), Is.EqualTo(1), "one receive for the approval");
    }

    private Task<IVpcepClient> CloudAsync() => OtcClient.ConnectAsync(EmulatorAccount.Owner.ClientOptions(Emulator.BaseUrl), CancellationToken.None);

    private static Otc.ProviderHost.Values.PropertyValue PropertyValueOf(string text) => Otc.ProviderHost.Values.PropertyValue.From(text);

    /// <summary>The program's config (its two backend ids) plus <paramref name="providerConfig"/>; the secret key is secret.</summary>
    private static StackConfig ProgramConfig(string portId, IReadOnlyDictionary<string, string> providerConfig, bool consumer = false)
    {
        var values = new Dictionary<string, string>(providerConfig)
        {
            [$"{Project}:portId"] = portId,
            [$"{Project}:vpcId"] = "vpc-program-test",
        };
        if (consumer)
        {
            values[$"{Project}:consumerVpcId"] = "consumer-vpc";
            values[$"{Project}:consumerSubnetId"] = "consumer-subnet";
        }

        return new StackConfig(values, new HashSet<string>(StringComparer.Ordinal) { "otc:secretKey" });
    }

    private static ProviderForwardingMocks Mocks(StackConfig config) => new(
        new Dictionary<string, ProviderLaunch>
        {
            ["otc"] = ProviderBinary.WithoutConfigEnvironment(PollInterval),
        },
        config, Project, Stack);

    private static async Task<IDictionary<string, object?>> RunAsync(
        ProviderForwardingMocks mocks, StackConfig config, Func<IDictionary<string, object?>> program)
    {
        using var environment = config.ApplyToProgram();
        var (_, outputs) = await Deployment.TestAsync(
            mocks, new TestOptions { IsPreview = false, ProjectName = Project, StackName = Stack }, program);
        return outputs;
    }

    /// <summary>One POST created the service, and every exported value is the emulator's.</summary>
    private async Task AssertOutputsAreTheEmulatorsService(IDictionary<string, object?> outputs, string serviceId)
    {
        var posts = (await Emulator.Admin.JournalAsync()).Where(call => call.Method == "POST" && call.Path == ServicesPath).ToList();
        using var cloud = await CloudAsync();
        var live = await cloud.GetServiceAsync(serviceId, CancellationToken.None);

        Assert.That(posts, Has.Count.EqualTo(1), () => "calls: " + string.Join(" | ", posts));
        Assert.That(await ValueOf<string>(outputs["fullServiceName"]), Is.EqualTo(live.ServiceName).And.EqualTo($"eu-de.web.{serviceId}"));
        Assert.That(await ValueOf<string>(outputs["status"]), Is.EqualTo(live.Status).And.EqualTo("available"));
        var ports = await ValueOf<ImmutableArray<SdkPortMapping>>(outputs["ports"]);
        Assert.That(ports.Select(port => $"{port.ClientPort}:{port.ServerPort}/{port.Protocol}").Order(),
            Is.EqualTo(live.Ports.Select(port => $"{port.ClientPort}:{port.ServerPort}/{port.Protocol}").Order())
                .And.EqualTo(new[] { "443:8443/TCP", "80:8080/TCP" }));
    }

    private static Task<T> ValueOf<T>(object? output) => OutputUtilities.GetValueAsync((Output<T>)output!);

    private static string NewPortId() => "port-" + Guid.NewGuid().ToString("N")[..12];
}
