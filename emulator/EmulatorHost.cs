using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Otc.Emulator.Admin;
using Otc.Emulator.Auth;
using Otc.Emulator.Gateway;
using Otc.Emulator.Hosting;
using Otc.Emulator.Iam;
using Otc.Emulator.Vpcep;

namespace Otc.Emulator;

/// <summary>Starts an emulator inside the current process (the executable uses the same entry point).</summary>
public static class EmulatorHost
{
    public static async Task<RunningEmulator> StartAsync(EmulatorOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The empty builder reads no appsettings, environment variables or URLs: nothing but the options below
        // decides where the emulator listens, and nothing is logged to stdout.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = "otc-emulator",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var connections = new ConnectionCounter();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 12 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Use(next => async connection =>
            {
                connections.Opened();
                try
                {
                    await next(connection);
                }
                finally
                {
                    connections.Closed();
                }
            }));
        });

        var journal = new RequestJournal();
        var faults = new FaultInjector();
        var settings = new EmulatorSettings(options);
        var tokens = new TokenStore();
        var store = new CloudStore(options, settings);
        builder.Services.AddSingleton(journal);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new RateLimiter(options.Clock));
        builder.Services.AddSingleton(new Authenticator(tokens, options.Clock));

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<GatewayMiddleware>();
        VersionRoutes.Map(app);
        VpcepRoutes.Map(app, store);
        IamRoutes.Map(app, tokens, options);
        AdminRoutes.Map(app, journal, faults, settings, store, tokens, connections);

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningEmulator(app, new Uri(address), journal, faults, settings, store, tokens, connections);
    }
}
