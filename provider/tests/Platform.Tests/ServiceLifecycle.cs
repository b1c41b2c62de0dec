using Google.Protobuf.WellKnownTypes;
using Otc.Emulator;
using Otc.EmulatorHarness;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;

namespace Otc.Platform.Tests;

/// <summary>
/// What a user's first <c>pulumi up</c> and <c>pulumi destroy</c> ask of a plugin build, run against an in-process
/// emulator on loopback: the plugin info, Configure with a stack's <c>otc:</c> config, a VpcEndpointService created and
/// waited for, then deleted.
/// </summary>
internal static class ServiceLifecycle
{
    private const string ServiceType = "otc:vpcep:VpcEndpointService";

    /// <summary>How often the provider reads what it waits for: a third of the emulator's create delay.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<string> PluginVersionAsync(ProviderLaunch launch)
    {
        await using var provider = await ProviderProcess.StartAsync(ProviderBinary.WithoutConfigEnvironment(launch));
        return (await provider.Client.GetPluginInfoAsync(new Empty())).Version;
    }

    /// <summary>Creates a service through the provider started by <paramref name="launch"/>, then destroys it.</summary>
    public static async Task<Outcome> CreateAndDestroyAsync(ProviderLaunch launch)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            CreateDelay = TimeSpan.FromMilliseconds(150),
            DeleteDelay = TimeSpan.FromMilliseconds(100),
        }, CancellationToken.None);
        await using var provider = await ProviderProcess.StartAsync(ProviderBinary.WithoutConfigEnvironment(launch, PollInterval));
        var stack = new EngineSimulator(provider).OfType(ServiceType);
        await stack.ConfigureAsync(EmulatorAccount.Owner.ProviderConfig(emulator.BaseUrl));

        var created = await stack.UpAsync("platform", PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["portId"] = "port-" + Guid.NewGuid().ToString("N")[..12],
            ["vpcId"] = "vpc-platform",
            ["serverType"] = "LB",
            ["serviceName"] = "platform",
            ["ports"] = PropertyValue.From([PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue>
            {
                ["clientPort"] = 443,
                ["serverPort"] = 8443,
                ["protocol"] = "TCP",
            }))]),
        }));
        await stack.DestroyAsync("platform");

        return new Outcome(created, [.. emulator.Journal.Entries.Where(entry => entry.Method != "GET")], provider.StandardError);
    }

    /// <summary>The create's step, the calls that changed something in the emulator (in order), and the provider's stderr.</summary>
    internal sealed record Outcome(StepResult Created, IReadOnlyList<JournalEntry> Mutations, string StandardError);
}
