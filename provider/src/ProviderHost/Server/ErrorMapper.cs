using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Server;

/// <summary>
/// Turns exceptions into gRPC statuses the engine can act on. Clean failures get specific codes (the engine
/// reads <c>Internal</c>/<c>Unknown</c> as "resource state unknown"); partial failures and missing config
/// carry Pulumi's error details in <c>grpc-status-details-bin</c>.
/// </summary>
internal static class ErrorMapper
{
    public static RpcException ToRpcException(Exception exception, IExceptionTranslator? translator)
    {
        switch (exception)
        {
            case RpcException rpc:
                return rpc;
            case ResourceInitFailedException initFailed:
                return InitFailed(initFailed);
            case MissingConfigurationException missing:
                return MissingKeys(missing);
        }

        if (exception is not ProviderException && translator?.Translate(exception) is { } translated)
        {
            exception = translated;
        }

        return exception switch
        {
            ProviderException provider => new RpcException(new Status(CodeOf(provider.Kind), provider.Message)),
            OperationCanceledException => new RpcException(new Status(StatusCode.Cancelled, "the operation was cancelled")),
            PropertyDecodeException decode => new RpcException(new Status(StatusCode.InvalidArgument, decode.Message)),
            NotImplementedException => new RpcException(new Status(StatusCode.Unimplemented, exception.Message)),
            _ => new RpcException(new Status(StatusCode.Internal, $"internal provider error ({exception.GetType().Name}): {exception.Message}")),
        };
    }

    public static StatusCode CodeOf(ProviderErrorKind kind) => kind switch
    {
        ProviderErrorKind.InvalidInput => StatusCode.InvalidArgument,
        ProviderErrorKind.NotFound => StatusCode.NotFound,
        ProviderErrorKind.Conflict => StatusCode.Aborted,
        ProviderErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        ProviderErrorKind.Unauthenticated => StatusCode.Unauthenticated,
        ProviderErrorKind.PermissionDenied => StatusCode.PermissionDenied,
        ProviderErrorKind.Unavailable => StatusCode.Unavailable,
        ProviderErrorKind.Timeout => StatusCode.DeadlineExceeded,
        ProviderErrorKind.QuotaExceeded => StatusCode.ResourceExhausted,
        _ => StatusCode.Unknown,
    };

    private static RpcException InitFailed(ResourceInitFailedException exception)
    {
        var detail = new ErrorResourceInitFailed
        {
            Id = exception.Id,
            Properties = PropertyCodec.Encode(exception.State),
            RefreshBeforeUpdate = exception.RefreshBeforeUpdate,
        };
        detail.Reasons.AddRange(exception.Reasons);
        if (exception.Inputs is not null)
        {
            detail.Inputs = PropertyCodec.Encode(exception.Inputs);
        }

        // The detail is what makes the engine record a partial failure; the code is a clean one anyway, so that
        // nothing reading only the code (older engines, tooling) takes the deployment for possibly corrupt.
        return WithDetail(StatusCode.Aborted, exception.Message, Any.Pack(detail));
    }

    private static RpcException MissingKeys(MissingConfigurationException exception)
    {
        var detail = new ConfigureErrorMissingKeys();
        detail.MissingKeys.AddRange(exception.Keys.Select(key => new ConfigureErrorMissingKeys.Types.MissingKey
        {
            Name = key.Name,
            Description = key.Description,
        }));
        return WithDetail(StatusCode.InvalidArgument, exception.Message, Any.Pack(detail));
    }

    private static RpcException WithDetail(StatusCode code, string message, Any detail)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(detail);
        return status.ToRpcException();
    }
}
