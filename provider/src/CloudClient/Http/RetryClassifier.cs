using System.Net.Sockets;

namespace Otc.CloudClient;

/// <summary>Decides which failures are worth another attempt, and for which kinds of call.</summary>
internal static class RetryClassifier
{
    public const string GatewayThrottled = "APIGW.0308";
    public const string ServiceThrottled = "EndPoint.0022";

    /// <summary>
    /// The gateway (429 / <c>APIGW.0308</c>) or the service (400 <c>EndPoint.0022</c>) refused the request for its rate
    /// before doing anything, so every call, a create included, may repeat it.
    /// </summary>
    public static bool IsThrottling(int status, string? errorCode)
        => status == 429
            || string.Equals(errorCode, GatewayThrottled, StringComparison.OrdinalIgnoreCase)
            || (status == 400 && string.Equals(errorCode, ServiceThrottled, StringComparison.OrdinalIgnoreCase));

    /// <summary>A 5xx may have been executed, so only idempotent calls repeat it.</summary>
    public static bool IsRetryableFailure(int status, bool idempotent) => status >= 500 && idempotent;

    /// <summary>True when the request certainly never reached the server (no connection was made).</summary>
    public static bool NeverSent(HttpRequestException exception)
        => exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
}
