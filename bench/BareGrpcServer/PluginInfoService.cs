using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Otc.Bench.BareGrpcServer;

/// <summary>Answers the one call the start-up benchmark times.</summary>
internal sealed class PluginInfoService : ResourceProvider.ResourceProviderBase
{
    private static readonly PluginInfo Info = new() { Version = "0.1.0" };

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) => Task.FromResult(Info);
}
