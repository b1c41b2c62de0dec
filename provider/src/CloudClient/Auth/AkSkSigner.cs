using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Otc.CloudClient;

/// <summary>
/// The APIG "SDK-HMAC-SHA256" request signature in its documented <c>Access=</c> form. Pure functions over
/// method, URI, headers and the exact body bytes, so the published vectors can be checked directly. Public for callers
/// that sign requests of their own the same way (the client benchmark's hand-written baseline).
/// </summary>
public static class AkSkSigner
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateHeader = "X-Sdk-Date";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string FormatDate(DateTimeOffset instant)
        => instant.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Builds the full <c>Authorization</c> header value.</summary>
    /// <param name="signedHeaders">Header name → value; every header listed here is signed, so it must be sent with exactly this value.</param>
    public static string Authorization(string accessKey, string secretKey, string method, Uri uri, IReadOnlyDictionary<string, string> signedHeaders, ReadOnlySpan<byte> body)
    {
        var canonical = CanonicalRequest(method, uri, signedHeaders, body);
        var signature = Signature(secretKey, signedHeaders, canonical);
        return $"{Algorithm} Access={accessKey}, SignedHeaders={SignedHeaderList(signedHeaders)}, Signature={signature}";
    }

    public static string Signature(string secretKey, IReadOnlyDictionary<string, string> signedHeaders, string canonicalRequest)
    {
        var date = HeaderValue(signedHeaders, DateHeader)
            ?? throw new ArgumentException($"The {DateHeader} header must be among the signed headers.", nameof(signedHeaders));
        var stringToSign = $"{Algorithm}\n{date}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToHexStringLower(mac);
    }

    public static string CanonicalRequest(string method, Uri uri, IReadOnlyDictionary<string, string> signedHeaders, ReadOnlySpan<byte> body)
    {
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalPath(uri.AbsolutePath)).Append('\n');
        builder.Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in SortedHeaders(signedHeaders))
        {
            builder.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        builder.Append('\n');
        builder.Append(SignedHeaderList(signedHeaders)).Append('\n');
        builder.Append(HexSha256(body));
        return builder.ToString();
    }

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Each segment is decoded then re-encoded with the RFC 3986 unreserved set; a trailing slash is always present.</summary>
    public static string CanonicalPath(string rawPath)
    {
        var segments = rawPath.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment)));
        var path = string.Join('/', segments);
        return path.EndsWith('/') ? path : path + "/";
    }

    /// <summary>Parameters sorted by name then value (ordinal), each part encoded like path segments.</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (query.Length == 0)
        {
            return "";
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var separator = pair.IndexOf('=', StringComparison.Ordinal);
                var name = separator < 0 ? pair : pair[..separator];
                var value = separator < 0 ? "" : pair[(separator + 1)..];
                return (Name: Encode(Decode(name)), Value: Encode(Decode(value)));
            })
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => $"{pair.Name}={pair.Value}"));
    }

    /// <summary>RFC 3986 percent-encoding of everything but A–Z a–z 0–9 <c>-_.~</c>, upper-case hex.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static bool IsUnreserved(byte b)
        => b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private static IEnumerable<(string Name, string Value)> SortedHeaders(IReadOnlyDictionary<string, string> headers)
        => headers.Select(h => (Name: h.Key.ToLowerInvariant(), h.Value)).OrderBy(h => h.Name, StringComparer.Ordinal);

    private static string SignedHeaderList(IReadOnlyDictionary<string, string> headers)
        => string.Join(';', SortedHeaders(headers).Select(h => h.Name));

    private static string? HeaderValue(IReadOnlyDictionary<string, string> headers, string name)
        => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
