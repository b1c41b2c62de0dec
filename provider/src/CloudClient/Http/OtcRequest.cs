namespace Otc.CloudClient;

/// <summary>One logical call. The body is serialized once; every attempt sends (and signs) these same bytes.</summary>
/// <param name="Operation">Method and path template for errors and logs, e.g. <c>GET vpc-endpoint-services/{id}</c>.</param>
/// <param name="Idempotent">Whether repeating the call after an ambiguous failure (5xx, timeout, dropped connection) is safe.</param>
internal sealed record OtcRequest(HttpMethod Method, Uri Uri, string Operation, byte[]? Body, bool Idempotent)
{
    /// <summary>Extra headers sent (and, for AK/SK, signed) on every attempt, e.g. <c>X-Project-Id</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
