using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Otc.Emulator.Auth;

/// <summary>
/// The building blocks of Huawei/OTC API gateway signing ("SDK-HMAC-SHA256"): canonical request,
/// string to sign and the two key forms (plain SK, or the date/region/service derived key).
/// </summary>
internal static class SdkSignature
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";
    public const string DerivedKeyTerminator = "sdk_request";

    /// <summary>Percent-encodes everything outside the RFC 3986 unreserved set, with upper-case hex.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Re-encodes each path segment and makes sure the result ends with a slash.</summary>
    public static string CanonicalUri(string rawPath)
    {
        var segments = rawPath.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment)));
        var joined = string.Join('/', segments);
        return joined.EndsWith('/') ? joined : joined + "/";
    }

    /// <summary>Query parameters sorted by name then value (ordinal), each side encoded, joined with <c>&amp;</c>.</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            return string.Empty;
        }

        var pairs = rawQuery
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => pair.Name + "=" + pair.Value));
    }

    /// <summary>
    /// Builds the six-part canonical request. <paramref name="signedHeaders"/> holds lower-case names in the
    /// order given by the client; they are sorted here.
    /// </summary>
    public static string CanonicalRequest(
        string method,
        string canonicalUri,
        string canonicalQuery,
        IReadOnlyList<KeyValuePair<string, string>> signedHeaders,
        string payloadHash,
        bool collapseHeaderWhitespace)
    {
        var sorted = signedHeaders
            .Select(header => new KeyValuePair<string, string>(header.Key.ToLowerInvariant(), header.Value))
            .OrderBy(header => header.Key, StringComparer.Ordinal)
            .ToList();
        var headerBlock = new StringBuilder();
        foreach (var (name, value) in sorted)
        {
            var canonicalValue = collapseHeaderWhitespace ? CollapseWhitespace(value) : value.Trim();
            headerBlock.Append(name).Append(':').Append(canonicalValue).Append('\n');
        }

        return string.Join(
            '\n',
            method.ToUpperInvariant(),
            canonicalUri,
            canonicalQuery,
            headerBlock.ToString(),
            string.Join(';', sorted.Select(header => header.Key)),
            payloadHash);
    }

    /// <summary>Variant A: the secret key itself is the HMAC key.</summary>
    public static string SignWithSecret(string secretKey, string sdkDate, string canonicalRequest)
    {
        var stringToSign = string.Join('\n', Algorithm, sdkDate, Sha256Hex(canonicalRequest));
        return Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>Variant B: the key is derived from the secret through the credential scope.</summary>
    public static string SignWithDerivedKey(string secretKey, string sdkDate, CredentialScope scope, string canonicalRequest)
    {
        var stringToSign = string.Join('\n', Algorithm, sdkDate, scope.ToString(), Sha256Hex(canonicalRequest));
        var dateKey = Hmac(Encoding.UTF8.GetBytes("SDK" + secretKey), scope.Date);
        var regionKey = Hmac(dateKey, scope.Region);
        var serviceKey = Hmac(regionKey, scope.Service);
        var signingKey = Hmac(serviceKey, DerivedKeyTerminator);
        return Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    public static string Sha256Hex(byte[] bytes) => Hex(SHA256.HashData(bytes));

    private static byte[] Hmac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string CollapseWhitespace(string value) =>
        string.Join(' ', value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>The <c>date/region/service/sdk_request</c> scope of a variant B credential.</summary>
internal sealed record CredentialScope(string Date, string Region, string Service)
{
    public override string ToString() => $"{Date}/{Region}/{Service}/{SdkSignature.DerivedKeyTerminator}";
}
