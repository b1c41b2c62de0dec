using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Server;
using Otc.ProviderHost.Tests.TestProvider;
using static Otc.ProviderHost.Tests.Server.WireValues;

namespace Otc.ProviderHost.Tests.Server;

/// <summary>The engine sends every operation of a deployment over one connection; none may wait for another to end.</summary>
public sealed class ConcurrencyTests
{
    private const string Urn = "urn:pulumi:dev::proj::test:index:Widget::w";

    [Test]
    public async Task Far_more_than_a_hundred_calls_on_one_connection_are_all_in_the_handler_at_once()
    {
        const int Calls = 300;
        var handler = new WidgetHandler();
        await using var server = await ProviderServer.StartAsync(WidgetProvider.Definition(handler));
        // Like the engine's Go client: one HTTP/2 connection, streams beyond the server's announced limit wait in line.
        using var channel = GrpcChannel.ForAddress(
            $"http://127.0.0.1:{server.Port}",
            new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false } });
        var client = new ResourceProvider.ResourceProviderClient(channel);

        var calls = Enumerable.Range(0, Calls)
            .Select(_ => client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "block")) }))
            .ToList();
        try
        {
            Assert.That(() => handler.BlockedCalls, Is.EqualTo(Calls).After(30_000, 50), "calls past the stream limit were held back");
            await client.CancelAsync(new Empty());
            var outcomes = await Task.WhenAll(calls.Select(async call =>
            {
                try
                {
                    await call.ResponseAsync;
                    return StatusCode.OK;
                }
                catch (RpcException ended)
                {
                    return ended.StatusCode;
                }
            })).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(outcomes, Has.All.EqualTo(StatusCode.Cancelled));
        }
        finally
        {
            calls.ForEach(call => call.Dispose());
        }
    }
}
