using Microsoft.AspNetCore.Builder;
using Otc.ProviderHost.Engine;

namespace Otc.ProviderHost.Server;

/// <summary>A started provider server: its port, and the way to stop it.</summary>
public sealed class RunningProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ResourceProviderService _service;
    private readonly EngineConnection _engine;

    internal RunningProvider(WebApplication app, ResourceProviderService service, EngineConnection engine, int port)
    {
        _app = app;
        _service = service;
        _engine = engine;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The engine client (address from the command line, Handshake or Attach).</summary>
    public EngineConnection Engine => _engine;

    /// <summary>Signalled when the host begins shutting down for any reason.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(deadline.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _service.Dispose();
        _engine.Dispose();
    }
}
