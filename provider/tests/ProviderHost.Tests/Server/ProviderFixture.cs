using Grpc.Net.Client;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Server;

namespace Otc.ProviderHost.Tests.Server;

/// <summary>A real provider server on loopback plus a generated client talking to it over h2c.</summary>
internal sealed class ProviderFixture : IAsyncDisposable
{
    private readonly GrpcChannel _channel;

    private ProviderFixture(RunningProvider server, GrpcChannel channel)
    {
        Server = server;
        _channel = channel;
        Client = new ResourceProvider.ResourceProviderClient(channel);
    }

    public RunningProvider Server { get; }

    public ResourceProvider.ResourceProviderClient Client { get; }

    public static async Task<ProviderFixture> StartAsync(ProviderDefinition definition, string? engineAddress = null)
    {
        var server = await ProviderServer.StartAsync(definition, engineAddress);
        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Port}");
        return new ProviderFixture(server, channel);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Server.DisposeAsync();
    }
}
