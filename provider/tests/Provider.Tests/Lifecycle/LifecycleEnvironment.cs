using Otc.CloudClient;
using Otc.Emulator;
using Otc.EmulatorHarness;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// The published provider binary over real gRPC, configured against an in-process emulator (a real Kestrel server on
/// loopback) with short lifecycle delays, and polling the emulator at the same pace: a create or delete is over in a
/// fraction of a second. The emulator's clock is real time plus what a test adds with <see cref="Clock"/>. One
/// Configure per process, as the engine does; tests make stacks on it.
/// </summary>
internal sealed class LifecycleEnvironment : IAsyncDisposable
{
    public const string ResourceType = "otc:vpcep:VpcEndpointService";
    public const string EndpointType = "otc:vpcep:VpcEndpoint";
    public const string ApprovalType = "otc:vpcep:VpcEndpointApproval";

    /// <summary>How often the provider reads what it waits for: a third of the emulator's create delay.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private LifecycleEnvironment(RunningEmulator emulator, OffsetClock clock, ProviderProcess provider)
    {
        Emulator = emulator;
        Clock = clock;
        Provider = provider;
    }

    public RunningEmulator Emulator { get; }

    /// <summary>The emulator's clock: moving it forward makes its timestamps (and due transitions) move without a sleep.</summary>
    public OffsetClock Clock { get; }

    public ProviderProcess Provider { get; }

    public string ProjectId => EmulatorAccount.Owner.ProjectId;

    /// <param name="strict">Starts the emulator in strict mode: the harsh reading of every ambiguous rule of the API reference.</param>
    /// <param name="serviceQuota">Endpoint services the emulator allows (per project, or per account when strict).</param>
    /// <param name="region">The emulator's region (eu-ch2 plays the Swiss API reference's surface) and the provider's configured one.</param>
    public static async Task<LifecycleEnvironment> StartAsync(int maxRetries = 2, bool strict = false, int serviceQuota = 200, string region = "eu-de")
    {
        var clock = new OffsetClock();
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            Region = region,
            Clock = clock,
            CreateDelay = TimeSpan.FromMilliseconds(150),
            DeleteDelay = TimeSpan.FromMilliseconds(100),
            ServiceQuota = serviceQuota,
            EndpointQuota = 200,
            Strict = strict,
        }, CancellationToken.None);
        ProviderProcess? provider = null;
        try
        {
            provider = await StartProviderAsync();
            var environment = new LifecycleEnvironment(emulator, clock, provider);
            await environment.NewStack().ConfigureAsync((EmulatorAccount.Owner with { Region = region }).ProviderConfig(emulator.BaseUrl, maxRetries));
            emulator.Journal.Clear();
            return environment;
        }
        catch
        {
            if (provider is not null)
            {
                await provider.DisposeAsync();
            }

            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The stack config a user would set: region, project, AK/SK (the secret key as a secret) and the endpoint override.</summary>
    public static PropertyMap ProviderConfig(Uri emulatorUrl, int maxRetries) => EmulatorAccount.Owner.ProviderConfig(emulatorUrl, maxRetries);

    /// <summary>A stack of the provider process, driving services by name.</summary>
    public ResourcesOfType NewStack() => NewStack(ResourceType);

    /// <summary>A stack of the provider process, driving resources of <paramref name="resourceType"/> by name.</summary>
    public ResourcesOfType NewStack(string resourceType) => new EngineSimulator(Provider).OfType(resourceType);

    /// <summary>
    /// A second provider process configured as another customer (the emulator's foreign account), the way a consumer in
    /// another account runs its own stack against the same cloud. The caller disposes it.
    /// </summary>
    public Task<ProviderProcess> StartForeignProviderAsync(int maxRetries = 2) =>
        StartProviderAsync(EmulatorAccount.Consumer.ProviderConfig(Emulator.BaseUrl, maxRetries));

    /// <summary>Another provider process of the same account, configured with its own <paramref name="maxRetries"/>. The caller disposes it.</summary>
    public Task<ProviderProcess> StartProviderAsync(int maxRetries) => StartProviderAsync(ProviderConfig(Emulator.BaseUrl, maxRetries));

    private static async Task<ProviderProcess> StartProviderAsync(PropertyMap config)
    {
        var provider = await StartProviderAsync();
        try
        {
            await new EngineSimulator(provider).OfType(EndpointType).ConfigureAsync(config);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>A cloud client of the same account, for changes "behind the provider's back" (in another of its projects if given).</summary>
    public Task<IVpcepClient> CloudAsync(string? projectId = null) => OtcClient.ConnectAsync(
        (EmulatorAccount.Owner with { ProjectId = projectId ?? EmulatorAccount.Owner.ProjectId }).ClientOptions(Emulator.BaseUrl), CancellationToken.None);

    public IReadOnlyList<JournalEntry> Calls() => Emulator.Journal.Entries;

    /// <summary>Every call that changes something (anything but GET), in arrival order.</summary>
    public IReadOnlyList<JournalEntry> Mutations() => [.. Emulator.Journal.Entries.Where(entry => entry.Method != "GET")];

    public string ServicePath(string id) => $"/v1/{ProjectId}/vpc-endpoint-services/{id}";

    public string ServicesPath => $"/v1/{ProjectId}/vpc-endpoint-services";

    public string EndpointsPath => $"/v1/{ProjectId}/vpc-endpoints";

    public string ConnectionActionPath(string serviceId) => $"{ServicePath(serviceId)}/connections/action";

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private static Task<ProviderProcess> StartProviderAsync() => ProviderProcess.StartAsync(ProviderBinary.WithoutConfigEnvironment(PollInterval));
}
