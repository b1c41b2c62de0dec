namespace Otc.Emulator.Auth;

/// <summary>The parts of an HTTP request that an SDK-HMAC-SHA256 signature covers, as they arrived on the wire.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="RawPath">Path exactly as sent (still percent-encoded).</param>
/// <param name="RawQuery">Query string without the leading <c>?</c>, still percent-encoded; empty when absent.</param>
/// <param name="Headers">Header values by name (case-insensitive); repeated headers joined with a comma.</param>
/// <param name="Body">The exact body bytes.</param>
internal sealed record SignedRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body);
