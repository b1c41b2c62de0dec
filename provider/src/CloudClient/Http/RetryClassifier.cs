using System.Net.Sockets;

namespace Otc.CloudClient;

/// <summary>Decides which failures are worth another attempt, and for which kinds of call.</summary>
internal static class RetryClassifier
{
    public const string GatewayThrottled = "APIGW.0308";
    public const string ServiceThrottled = "EndPoint.0022";

    /// <summary>
    /// Throttling answers mean the request was refused before it did anything, so every call may repeat them.
    /// 5xx may have been executed, so only idempotent calls repeat them.
    /// </summary>
    public static bool IsRetryableStatus(int status, string? errorCode, bool idempotent)
    {
        if (status == 429 || string.Equals(errorCode, GatewayThrottled, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (status == 400 && string.Equals(errorCode, ServiceThrottled, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return status >= 500 && idempotent;
    }

    /// <summary>True when the request certainly never reached the server (no connection was made).</summary>
    public static bool NeverSent(HttpRequestException exception)
        => exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
}
