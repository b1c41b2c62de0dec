namespace Otc.Emulator.Gateway;

/// <summary>
/// An error answer. VPCEP errors are <c>{"error_code","error_msg"}</c>; gateway (APIGW) errors add <c>request_id</c>.
/// </summary>
internal sealed class ApiError(int status, string code, string message) : Exception(message)
{
    /// <summary>The service's throttling answer (400), besides the gateway's 429 <c>APIGW.0308</c>.</summary>
    public const string ServiceThrottled = "EndPoint.0022";

    public int Status { get; } = status;

    public string Code { get; } = code;

    public bool IsGateway => Code.StartsWith("APIGW.", StringComparison.Ordinal);

    public static ApiError BadRequest(string code, string message) => new(400, code, message);

    public static ApiError ParameterError(string message) => new(400, "EndPoint.0002", message);

    public static ApiError ServiceNotFound() => new(404, "EndPoint.0005", "The requested resource does not exist.");

    public static ApiError EndpointNotFound() => new(404, "EndPoint.2006", "The VPC endpoint does not exist.");

    public static ApiError Unauthenticated(string message) => new(401, "APIGW.0301", message);
}
