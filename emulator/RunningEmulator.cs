namespace Otc.Emulator;

/// <summary>A started emulator and its test controls. Dispose (or <see cref="StopAsync"/>) to shut it down.</summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SemaphoreSlim _stopOnce = new(1, 1);
    private bool _stopped;

    private readonly Vpcep.CloudStore _store;
    private readonly Auth.TokenStore _tokens;

    internal RunningEmulator(
        WebApplication app,
        Uri baseUrl,
        RequestJournal journal,
        FaultInjector faults,
        EmulatorSettings settings,
        Vpcep.CloudStore store,
        Auth.TokenStore tokens,
        ConnectionCounter connections)
    {
        Connections = connections;
        _app = app;
        _store = store;
        _tokens = tokens;
        BaseUrl = baseUrl;
        Journal = journal;
        Faults = faults;
        Settings = settings;
    }

    /// <summary>Root URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    public RequestJournal Journal { get; }

    public FaultInjector Faults { get; }

    public EmulatorSettings Settings { get; }

    /// <summary>Client connections open now and at most (also <c>GET /__emulator/connections</c>).</summary>
    public ConnectionCounter Connections { get; }

    /// <summary>How many services and endpoints exist, across every project (also <c>GET /__emulator/resources</c>).</summary>
    public (int Services, int Endpoints) ResourceCounts() => _store.Counts();

    /// <summary>
    /// Makes every token IAM has issued invalid, as a password change does, so the next call carrying one is answered 401
    /// (also <c>POST /__emulator/tokens/revoke</c>). The static tokens stay valid. Returns how many were revoked.
    /// </summary>
    public int RevokeIssuedTokens() => _tokens.RevokeIssued();

    public async Task StopAsync()
    {
        await _stopOnce.WaitAsync();
        try
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        finally
        {
            _stopOnce.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
