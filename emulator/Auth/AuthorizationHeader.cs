namespace Otc.Emulator.Auth;

/// <summary>
/// A parsed <c>Authorization: SDK-HMAC-SHA256 ...</c> header in either form:
/// <c>Access=AK, SignedHeaders=..., Signature=...</c> or <c>Credential=AK/date/region/service/sdk_request, ...</c>.
/// </summary>
internal sealed record AuthorizationHeader(
    string AccessKey,
    CredentialScope? Scope,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public static AuthorizationHeader? TryParse(string value)
    {
        var prefix = SdkSignature.Algorithm + " ";
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = value[prefix.Length..]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(part => part.Length == 2)
            .ToDictionary(part => part[0], part => part[1], StringComparer.Ordinal);

        if (!fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature)
            || string.IsNullOrEmpty(signedHeaders))
        {
            return null;
        }

        var headerNames = signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (fields.TryGetValue("Access", out var accessKey))
        {
            return new AuthorizationHeader(accessKey, null, headerNames, signature);
        }

        if (fields.TryGetValue("Credential", out var credential))
        {
            var parts = credential.Split('/');
            if (parts.Length == 5 && parts[4] == SdkSignature.DerivedKeyTerminator)
            {
                return new AuthorizationHeader(parts[0], new CredentialScope(parts[1], parts[2], parts[3]), headerNames, signature);
            }
        }

        return null;
    }
}
