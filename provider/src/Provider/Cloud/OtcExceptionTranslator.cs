using Otc.CloudClient;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Cloud;

/// <summary>
/// Turns cloud client failures into clean provider errors whose message keeps what support needs: the operation,
/// OTC's error code and message, and the request id. Client messages never contain secrets.
/// </summary>
public sealed class OtcExceptionTranslator : IExceptionTranslator
{
    public ProviderException? Translate(Exception exception) => exception switch
    {
        OtcApiException api => new ProviderException(KindOf(api), Describe(api), api),
        OtcTransportException transport => new ProviderException(ProviderErrorKind.Unavailable,
            $"{transport.Operation} failed: OTC could not be reached: {transport.Message}", transport),
        WaitTimeoutException timeout => new ProviderException(ProviderErrorKind.Timeout, timeout.Message, timeout),
        ServiceFailedException failed => new ProviderException(ProviderErrorKind.FailedPrecondition, failed.Message, failed),
        EndpointFailedException failed => new ProviderException(ProviderErrorKind.FailedPrecondition, failed.Message, failed),
        ConnectionFailedException failed => new ProviderException(ProviderErrorKind.FailedPrecondition, failed.Message, failed),
        OtcConfigurationException configuration => new ProviderException(ProviderErrorKind.InvalidInput, configuration.Message, configuration),
        _ => null,
    };

    public static ProviderErrorKind KindOf(OtcApiException exception)
    {
        if (IsCode(exception, "Endpoint.1018"))
        {
            return ProviderErrorKind.QuotaExceeded;
        }

        // The service-level throttle answers 400, but it is a "try later", not a bad request.
        if (IsCode(exception, "EndPoint.0022"))
        {
            return ProviderErrorKind.Unavailable;
        }

        return exception.HttpStatus switch
        {
            401 => ProviderErrorKind.Unauthenticated,
            403 => ProviderErrorKind.PermissionDenied,
            404 => ProviderErrorKind.NotFound,
            409 => ProviderErrorKind.Conflict,
            408 or 429 or >= 500 => ProviderErrorKind.Unavailable,
            _ => ProviderErrorKind.InvalidInput,
        };
    }

    public static string Describe(OtcApiException exception)
    {
        var code = exception.ErrorCode ?? "(no error code)";
        var message = string.IsNullOrEmpty(exception.ErrorMessage) ? "(no error message)" : exception.ErrorMessage;
        var requestId = exception.RequestId is null ? "" : $", request id {exception.RequestId}";
        return $"{exception.Operation} failed: OTC error {code}: {message} (HTTP {exception.HttpStatus}{requestId})";
    }

    private static bool IsCode(OtcApiException exception, string code) =>
        string.Equals(exception.ErrorCode, code, StringComparison.OrdinalIgnoreCase);
}
