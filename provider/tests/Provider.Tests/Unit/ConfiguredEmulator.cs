using Otc.CloudClient;
using Otc.Emulator;
using Otc.EmulatorHarness;
using Otc.Provider.Cloud;
using Otc.Provider.Configuration;

namespace Otc.Provider.Tests.Unit;

/// <summary>
/// An in-process emulator on loopback and a client provider configured for it through the real configuration class:
/// what tests that drive a handler directly (no gRPC) stand on.
/// </summary>
internal sealed class ConfiguredEmulator : IAsyncDisposable
{
    private ConfiguredEmulator(RunningEmulator emulator, OtcClientProvider clients)
    {
        Emulator = emulator;
        Clients = clients;
    }

    /// <summary>Waits that read often and grow little, so a test spends its time on the emulator's delays.</summary>
    public static WaitPolicy FastPolling { get; } = new() { InitialDelay = TimeSpan.FromMilliseconds(50), Factor = 1.5, MaxDelay = TimeSpan.FromMilliseconds(200) };

    public RunningEmulator Emulator { get; }

    public OtcClientProvider Clients { get; }

    public static async Task<ConfiguredEmulator> StartAsync(EmulatorOptions options)
    {
        var emulator = await EmulatorHost.StartAsync(options, CancellationToken.None);
        var clients = new OtcClientProvider();
        var configuration = new OtcProviderConfiguration(clients, _ => null);
        await configuration.ConfigureAsync(EmulatorAccount.Owner.ProviderConfig(emulator.BaseUrl, maxRetries: 0), new SilentLog(), CancellationToken.None);
        return new ConfiguredEmulator(emulator, clients);
    }

    /// <summary>No faults, no failing creates, an empty journal: what each test starts from.</summary>
    public void Reset()
    {
        Emulator.Faults.Clear();
        Emulator.Settings.FailCreates = false;
        Emulator.Journal.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        await Emulator.DisposeAsync();
    }
}
