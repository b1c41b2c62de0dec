using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Otc.PosixSignals;
using Otc.ProviderHost.Engine;

namespace Otc.ProviderHost.Server;

/// <summary>
/// Hosts the provider the way the engine expects: h2c on 127.0.0.1 with a kernel-chosen port, only
/// <c>port\n</c> on stdout, and shutdown on SIGINT/SIGTERM or when the engine closes stdin.
/// </summary>
public static class ProviderServer
{
    /// <summary>
    /// The plugin entry point: serves until told to stop, then returns the process exit code. Call it before anything
    /// else touches <see cref="Console"/>, so an inherited, ignored SIGINT can still be taken back.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, ProviderDefinition definition, CancellationToken cancellationToken = default)
    {
        // First, before anything starts .NET's signal handling: the engine's SIGINT must reach us even if it was ignored.
        InheritedInterrupt.StopIgnoring();
        var engineAddress = EngineArguments.EngineAddress(args);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => StopOnSignal(context, stop));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => StopOnSignal(context, stop));

        await using var running = await StartAsync(definition, engineAddress, cancellationToken).ConfigureAwait(false);
        using var stoppedByHost = running.Stopping.Register(stop.Cancel);

        // The engine reads the port line byte by byte: it must be the first and only thing on stdout.
        await Console.Out.WriteAsync(running.Port.ToString(CultureInfo.InvariantCulture) + "\n").ConfigureAwait(false);
        await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);

        // Only an engine-launched process owns a stdin pipe whose end means "engine gone"; a hand-started
        // (attach mode) provider may have stdin at /dev/null and must keep serving.
        if (engineAddress is not null && Console.IsInputRedirected)
        {
            _ = WatchStdinAsync(stop);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The expected way out.
        }

        return 0;
    }

    /// <summary>Starts serving in-process (also what tests use) and returns once the port is bound.</summary>
    public static async Task<RunningProvider> StartAsync(ProviderDefinition definition, string? engineAddress = null, CancellationToken cancellationToken = default)
    {
        var engine = new EngineConnection(engineAddress);
        var service = new ResourceProviderService(definition, engine);

        // The empty builder: no configuration files, no environment scan, no logging providers, so nothing
        // reaches stdout but the port line and start-up stays lean for Native AOT.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.Http2.MaxStreamsPerConnection = ProviderLimits.MaxConcurrentCalls;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = ProviderLimits.MaxMessageSize;
            grpc.MaxSendMessageSize = ProviderLimits.MaxMessageSize;
        });
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton<IServiceMethodProvider<ResourceProviderService>, ResourceProviderMethodProvider>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<ResourceProviderService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new RunningProvider(app, service, engine, port);
    }

    private static void StopOnSignal(PosixSignalContext context, CancellationTokenSource stop)
    {
        // Handle it ourselves: stop serving and return normally instead of being torn down mid-call.
        context.Cancel = true;
        stop.Cancel();
    }

    /// <summary>The engine holds our stdin open for our lifetime; EOF means it is gone.</summary>
    private static async Task WatchStdinAsync(CancellationTokenSource stop)
    {
        try
        {
            await using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (await stdin.ReadAsync(buffer, stop.Token).ConfigureAwait(false) > 0)
            {
                // Input is ignored; only its end matters.
            }

            await stop.CancelAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping for another reason.
        }
        catch (IOException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }
}
