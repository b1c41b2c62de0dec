using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Otc.Emulator.Tests.Support;

/// <summary>
/// A small, separate SDK-HMAC-SHA256 signer for test requests, written from the published algorithm
/// (not shared with the emulator's verifier, so a bug in one is caught by the other).
/// </summary>
internal sealed class TestSigner(string accessKey, string secretKey, bool credentialForm = false)
{
    /// <summary>Headers to sign besides <c>x-sdk-date</c> (lower case), when present on the request.</summary>
    public IReadOnlyList<string> ExtraSignedHeaders { get; init; } = ["host", "content-type"];

    public async Task SignAsync(HttpRequestMessage request, DateTimeOffset now)
    {
        var date = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove("X-Sdk-Date");
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["x-sdk-date"] = date };
        var uri = request.RequestUri!;
        if (ExtraSignedHeaders.Contains("host"))
        {
            headers["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        }

        if (ExtraSignedHeaders.Contains("content-type") && request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = contentType.ToString();
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = string.Join('\n',
            request.Method.Method,
            CanonicalPath(uri.AbsolutePath),
            CanonicalQuery(uri.Query),
            string.Concat(headers.Select(header => $"{header.Key}:{header.Value.Trim()}\n")),
            signedHeaders,
            Hex(SHA256.HashData(body)));

        string authorization;
        if (credentialForm)
        {
            var scope = $"{date[..8]}///sdk_request";
            var toSign = $"SDK-HMAC-SHA256\n{date}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
            var key = Mac(Encoding.UTF8.GetBytes("SDK" + secretKey), date[..8]);
            key = Mac(Mac(Mac(key, string.Empty), string.Empty), "sdk_request");
            authorization = $"SDK-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={Hex(Mac(key, toSign))}";
        }
        else
        {
            var toSign = $"SDK-HMAC-SHA256\n{date}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
            authorization = $"SDK-HMAC-SHA256 Access={accessKey}, SignedHeaders={signedHeaders}, Signature={Hex(Mac(Encoding.UTF8.GetBytes(secretKey), toSign))}";
        }

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
    }

    private static string CanonicalPath(string absolutePath)
    {
        var encoded = string.Join('/', absolutePath.Split('/').Select(segment => Uri.EscapeDataString(Uri.UnescapeDataString(segment))));
        return encoded.EndsWith('/') ? encoded : encoded + "/";
    }

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Uri.EscapeDataString(Uri.UnescapeDataString(pair[0])), Value: pair.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(pair[1])) : string.Empty))
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => $"{pair.Name}={pair.Value}"));

    private static byte[] Mac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
