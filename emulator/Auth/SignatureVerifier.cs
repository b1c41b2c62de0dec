using System.Security.Cryptography;
using System.Text;

namespace Otc.Emulator.Auth;

/// <summary>Recomputes a request's signature from the headers the client declared as signed.</summary>
internal static class SignatureVerifier
{
    private const string ContentHashHeader = "X-Sdk-Content-Sha256";

    /// <summary>The canonical request the emulator derives for this request (exposed so tests can check the hash).</summary>
    public static string CanonicalRequestOf(SignedRequest request, AuthorizationHeader authorization) =>
        SdkSignature.CanonicalRequest(
            request.Method,
            SdkSignature.CanonicalUri(request.RawPath),
            SdkSignature.CanonicalQuery(request.RawQuery),
            SignedHeaderValues(request, authorization),
            PayloadHash(request),
            collapseHeaderWhitespace: authorization.Scope is not null);

    /// <summary>True when the signature matches <paramref name="secretKey"/>; compared in constant time.</summary>
    public static bool IsValid(SignedRequest request, AuthorizationHeader authorization, string secretKey)
    {
        if (!request.Headers.TryGetValue("X-Sdk-Date", out var sdkDate)
            || !authorization.SignedHeaders.Contains("x-sdk-date", StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Matches(Sign(CanonicalRequestOf(request, authorization)), authorization.Signature))
        {
            return true;
        }

        // The Credential= signer hashes the query string as the payload when a POST carries no body.
        if (authorization.Scope is not null && request.Method == "POST" && request.Body.Length == 0 && request.RawQuery.Length > 0)
        {
            var queryAsPayload = SdkSignature.CanonicalRequest(
                request.Method,
                SdkSignature.CanonicalUri(request.RawPath),
                string.Empty,
                SignedHeaderValues(request, authorization),
                SdkSignature.Sha256Hex(SdkSignature.CanonicalQuery(request.RawQuery)),
                collapseHeaderWhitespace: true);
            return Matches(Sign(queryAsPayload), authorization.Signature);
        }

        return false;

        string Sign(string canonicalRequest) => authorization.Scope is { } scope
            ? SdkSignature.SignWithDerivedKey(secretKey, sdkDate, scope, canonicalRequest)
            : SdkSignature.SignWithSecret(secretKey, sdkDate, canonicalRequest);
    }

    private static List<KeyValuePair<string, string>> SignedHeaderValues(SignedRequest request, AuthorizationHeader authorization) =>
        [.. authorization.SignedHeaders.Select(name =>
            new KeyValuePair<string, string>(name, request.Headers.TryGetValue(name, out var value) ? value : string.Empty))];

    private static string PayloadHash(SignedRequest request) =>
        request.Headers.TryGetValue(ContentHashHeader, out var declared) && declared.Length > 0
            ? declared
            : SdkSignature.Sha256Hex(request.Body);

    private static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));
}
