using Otc.CloudClient;
using Otc.Emulator;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// The published provider binary over real gRPC, configured against an in-process emulator (a real Kestrel server on
/// loopback) with short lifecycle delays. One Configure per process, as the engine does; tests make stacks on it.
/// </summary>
internal sealed class LifecycleEnvironment : IAsyncDisposable
{
    public const string ResourceType = "otc:vpcep:VpcEndpointService";
    public const string EndpointType = "otc:vpcep:VpcEndpoint";
    public const string ApprovalType = "otc:vpcep:VpcEndpointApproval";


    private LifecycleEnvironment(RunningEmulator emulator, ProviderProcess provider)
    {
        Emulator = emulator;
        Provider = provider;
    }

    public RunningEmulator Emulator { get; }

    public ProviderProcess Provider { get; }

    public string ProjectId => EmulatorAccounts.DefaultProjectId;

    /// <param name="strict">Starts the emulator in strict mode: the harsh reading of every ambiguous rule of the API reference.</param>
    /// <param name="serviceQuota">Endpoint services the emulator allows (per project, or per account when strict).</param>
    public static async Task<LifecycleEnvironment> StartAsync(int maxRetries = 2, bool strict = false, int serviceQuota = 200)
    {
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            CreateDelay = TimeSpan.FromMilliseconds(150),
            DeleteDelay = TimeSpan.FromMilliseconds(100),
            ServiceQuota = serviceQuota,
            EndpointQuota = 200,
            Strict = strict,
        }, CancellationToken.None);
        ProviderProcess? provider = null;
        try
        {
            provider = await ProviderProcess.StartAsync(ProviderBinary.WithoutConfigEnvironment());
            var environment = new LifecycleEnvironment(emulator, provider);
            await environment.NewStack().ConfigureAsync(ProviderConfig(emulator.BaseUrl, maxRetries));
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
    public static PropertyMap ProviderConfig(Uri emulatorUrl, int maxRetries) => PropertyMap.From(new Dictionary<string, PropertyValue>
    {
        ["region"] = "eu-de",
        ["projectId"] = EmulatorAccounts.DefaultProjectId,
        ["accessKey"] = EmulatorAccounts.AccessKey,
        ["secretKey"] = PropertyValue.From(EmulatorAccounts.SecretKey).WithSecret(),
        ["vpcepEndpoint"] = emulatorUrl.GetLeftPart(UriPartial.Authority),
        ["maxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public EngineSimulator NewStack() => new(Provider, ResourceType);

    /// <summary>A stack view for another resource type on the same provider process (the engine's one provider per stack).</summary>
    public EngineSimulator NewStack(string resourceType) => new(Provider, resourceType);

    /// <summary>
    /// A second provider process configured as another customer (the emulator's foreign account), the way a consumer in
    /// another account runs its own stack against the same cloud. The caller disposes it.
    /// </summary>
    public Task<ProviderProcess> StartForeignProviderAsync(int maxRetries = 2) => StartProviderAsync(PropertyMap.From(new Dictionary<string, PropertyValue>
    {
        ["region"] = "eu-de",
        ["projectId"] = EmulatorAccounts.ForeignProjectId,
        ["accessKey"] = EmulatorAccounts.ForeignAccessKey,
        ["secretKey"] = PropertyValue.From(EmulatorAccounts.ForeignSecretKey).WithSecret(),
        ["vpcepEndpoint"] = Emulator.BaseUrl.GetLeftPart(UriPartial.Authority),
        ["maxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }));

    /// <summary>Another provider process of the same account, configured with its own <paramref name="maxRetries"/>. The caller disposes it.</summary>
    public Task<ProviderProcess> StartProviderAsync(int maxRetries) => StartProviderAsync(ProviderConfig(Emulator.BaseUrl, maxRetries));

    private static async Task<ProviderProcess> StartProviderAsync(PropertyMap config)
    {
        var provider = await ProviderProcess.StartAsync(ProviderBinary.WithoutConfigEnvironment());
        try
        {
            await new EngineSimulator(provider, EndpointType).ConfigureAsync(config);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>A cloud client of the same account, for changes "behind the provider's back" (in another of its projects if given).</summary>
    public Task<IVpcepClient> CloudAsync(string projectId = EmulatorAccounts.DefaultProjectId) => OtcClient.ConnectAsync(new OtcClientOptions
    {
        Region = "eu-de",
        ProjectId = projectId,
        AccessKey = EmulatorAccounts.AccessKey,
        SecretKey = EmulatorAccounts.SecretKey,
        VpcepEndpoint = Emulator.BaseUrl.GetLeftPart(UriPartial.Authority),
        MaxRetries = 0,
    }, CancellationToken.None);

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
}
