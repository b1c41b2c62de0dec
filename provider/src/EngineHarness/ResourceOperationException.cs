using Grpc.Core;
using Otc.ProviderHost.Protocol;

namespace Otc.EngineHarness;

/// <summary>
/// A provider RPC failed. <see cref="InitFailed"/> is set when the error carried Pulumi's partial-failure detail (the
/// engine then still records the id and live state); <see cref="StateIsUnknown"/> mirrors the engine's reading of
/// Internal/Unknown/DataLoss without such a detail.
/// </summary>
public sealed class ResourceOperationException : Exception
{
    public ResourceOperationException(string rpc, string urn, RpcException inner)
        : base($"{rpc} of {urn} failed: {inner.StatusCode}: {inner.Status.Detail}", inner)
    {
        Rpc = rpc;
        Urn = urn;
        StatusCode = inner.StatusCode;
        StatusDetail = inner.Status.Detail;
        InitFailed = PartialFailure.Decode(inner);
    }

    public string Rpc { get; }

    public string Urn { get; }

    public StatusCode StatusCode { get; }

    public string StatusDetail { get; }

    public ErrorResourceInitFailed? InitFailed { get; }

    public bool IsPartialFailure => InitFailed is not null;

    public bool StateIsUnknown => InitFailed is null && StatusCode is StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss;
}
