using Grpc.Core;
using Otc.ProviderHost.Protocol;

namespace Otc.EngineHarness;

/// <summary>Reads Pulumi's partial-failure detail the way the engine does: <c>grpc-status-details-bin</c> → <c>google.rpc.Status</c> → <c>ErrorResourceInitFailed</c>.</summary>
public static class PartialFailure
{
    private const string DetailsTrailer = "grpc-status-details-bin";

    public static ErrorResourceInitFailed? Decode(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var entry = exception.Trailers.Get(DetailsTrailer);
        if (entry is null || !entry.IsBinary)
        {
            return null;
        }

        var status = Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
        var detail = status.Details.FirstOrDefault(any => any.Is(ErrorResourceInitFailed.Descriptor));
        return detail?.Unpack<ErrorResourceInitFailed>();
    }
}
