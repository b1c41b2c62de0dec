using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Otc.Bench.BareGrpcServer;

// The floor: the leanest ASP.NET Core gRPC host (empty builder, Kestrel core, routing core, gRPC), with the same
// start-up contract as a Pulumi provider: loopback h2c on a kernel-chosen port, then the port alone on stdout.
// Arguments (the engine address) are accepted and ignored.
var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
    kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
builder.Services.AddRoutingCore();
builder.Services.AddGrpc();

var app = builder.Build();
app.UseRouting();
app.MapGrpcService<PluginInfoService>();
await app.StartAsync();

var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
await Console.Out.WriteAsync(port.ToString(CultureInfo.InvariantCulture) + "\n");
await Console.Out.FlushAsync();

await app.WaitForShutdownAsync();
