using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Otc.ProviderHost.Protocol;

namespace Otc.EngineHarness;

/// <summary>
/// The engine's own gRPC server as a provider sees it: <c>pulumirpc.Engine</c> on 127.0.0.1 over h2c. It records
/// every <c>Log</c> call (ephemeral status lines too) so tests and tools can see what the provider told the user.
/// </summary>
public sealed class FakeEngine : IAsyncDisposable
{
    private const int MaxMessageSize = 400 * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly LogSink _sink;

    private FakeEngine(WebApplication app, LogSink sink, string address)
    {
        _app = app;
        _sink = sink;
        Address = address;
    }

    /// <summary><c>127.0.0.1:port</c>, without a scheme: the form the engine passes on the provider's command line.</summary>
    public string Address { get; }

    /// <summary>Log calls received so far, in arrival order.</summary>
    public IReadOnlyList<CapturedLog> Logs => [.. _sink.Entries];

    public static async Task<FakeEngine> StartAsync(CancellationToken cancellationToken = default)
    {
        var sink = new LogSink();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageSize;
            grpc.MaxSendMessageSize = MaxMessageSize;
        });
        builder.Services.AddSingleton(sink);

        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<EngineService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new FakeEngine(app, sink, $"127.0.0.1:{bound.Port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    internal sealed class LogSink
    {
        public ConcurrentQueue<CapturedLog> Entries { get; } = new();
    }

    internal sealed class EngineService(LogSink sink) : Engine.EngineBase
    {
        public override Task<Empty> Log(LogRequest request, ServerCallContext context)
        {
            sink.Entries.Enqueue(new CapturedLog(request.Severity, request.Message, request.Urn, request.Ephemeral));
            return Task.FromResult(new Empty());
        }

        public override Task<GetRootResourceResponse> GetRootResource(GetRootResourceRequest request, ServerCallContext context) =>
            Task.FromResult(new GetRootResourceResponse());

        public override Task<SetRootResourceResponse> SetRootResource(SetRootResourceRequest request, ServerCallContext context) =>
            Task.FromResult(new SetRootResourceResponse());
    }
}
