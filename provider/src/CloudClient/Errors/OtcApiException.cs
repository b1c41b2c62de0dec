namespace Otc.CloudClient;

/// <summary>The cloud answered with an error status. Carries the OTC error code, message and request id.</summary>
public sealed class OtcApiException : Exception
{
    public OtcApiException(string operation, int httpStatus, string? errorCode, string? errorMessage, string? requestId)
        : base(Describe(httpStatus, errorCode, errorMessage, requestId))
    {
        Operation = operation;
        HttpStatus = httpStatus;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
    }

    /// <summary>Method and path template of the failed call, e.g. <c>PUT vpc-endpoint-services/{id}</c>.</summary>
    public string Operation { get; }

    public int HttpStatus { get; }

    /// <summary>e.g. <c>EndPoint.3044</c>, <c>APIGW.0308</c>; null when the body had no recognisable error.</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    public string? RequestId { get; }

    /// <summary>The resource does not exist (any more); callers treat it as deleted.</summary>
    public bool IsNotFound => HttpStatus == 404;

    private static string Describe(int httpStatus, string? errorCode, string? errorMessage, string? requestId)
    {
        var code = errorCode is null ? "" : " " + errorCode;
        var message = string.IsNullOrEmpty(errorMessage) ? "(no error message)" : errorMessage;
        var request = requestId is null ? "" : $" (request id {requestId})";
        return $"OTC API error {httpStatus}{code}: {message}{request}";
    }
}
