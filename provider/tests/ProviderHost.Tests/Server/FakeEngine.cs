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

namespace Otc.ProviderHost.Tests.Server;

/// <summary>A real <c>pulumirpc.Engine</c> server on loopback that records the Log calls it receives.</summary>
internal sealed class FakeEngine : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeEngine(WebApplication app, LogRecorder recorder, int port)
    {
        _app = app;
        Recorder = recorder;
        Address = $"127.0.0.1:{port}";
    }

    public string Address { get; }

    public LogRecorder Recorder { get; }

    public static async Task<FakeEngine> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc();
        var recorder = new LogRecorder();
        builder.Services.AddSingleton(recorder);
        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<LogRecorder>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeEngine(app, recorder, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed class LogRecorder : Protocol.Engine.EngineBase
    {
        public ConcurrentQueue<LogRequest> Logs { get; } = new();

        public override Task<Empty> Log(LogRequest request, ServerCallContext context)
        {
            Logs.Enqueue(request);
            return Task.FromResult(new Empty());
        }
    }
}
