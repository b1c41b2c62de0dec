using System.Globalization;
using Otc.Emulator.Gateway;

namespace Otc.Emulator.Auth;

/// <summary>
/// Plays the API gateway's authentication: <c>X-Auth-Token</c> or an SDK-HMAC-SHA256 signature,
/// then binds the caller to a project.
/// </summary>
internal sealed class Authenticator(TokenStore tokens, TimeProvider clock)
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <summary>Authenticates the request; <paramref name="pathProjectId"/> is the <c>{project_id}</c> of a VPCEP path.</summary>
    public Caller Authenticate(HttpContext context, byte[] body, string? pathProjectId)
    {
        var headers = context.Request.Headers;
        var caller = headers.TryGetValue("X-Auth-Token", out var token) && !string.IsNullOrEmpty(token)
            ? FromToken(token.ToString())
            : headers.TryGetValue("Authorization", out var authorization) && !string.IsNullOrEmpty(authorization)
                ? FromSignature(context, body, authorization.ToString())
                : throw ApiError.Unauthenticated("Incorrect IAM authentication information: no X-Auth-Token or Authorization header.");

        return pathProjectId is null ? caller : BindToPathProject(caller, pathProjectId, context.Request.Headers.ContainsKey("X-Auth-Token"));
    }

    private Caller FromToken(string token)
    {
        var grant = tokens.Find(token) ?? throw ApiError.Unauthenticated("Incorrect IAM authentication information: the token is not valid.");
        if (clock.GetUtcNow() >= grant.ExpiresAt)
        {
            throw ApiError.Unauthenticated("Incorrect IAM authentication information: the token has expired.");
        }

        return new Caller(grant.DomainId, grant.ProjectId);
    }

    private Caller FromSignature(HttpContext context, byte[] body, string authorizationValue)
    {
        var authorization = AuthorizationHeader.TryParse(authorizationValue)
            ?? throw ApiError.Unauthenticated("Incorrect IAM authentication information: unsupported Authorization header.");
        var key = IdentityDirectory.FindAccessKey(authorization.AccessKey)
            ?? throw ApiError.Unauthenticated("Incorrect IAM authentication information: unknown access key.");

        if (key.RequiredSecurityToken is { } securityToken
            && context.Request.Headers["X-Security-Token"].ToString() != securityToken)
        {
            throw ApiError.Unauthenticated("Incorrect IAM authentication information: a temporary access key needs its X-Security-Token.");
        }

        var request = ToSignedRequest(context, body);
        CheckClock(request);
        if (!SignatureVerifier.IsValid(request, authorization, key.SecretKey))
        {
            throw ApiError.Unauthenticated("Incorrect IAM authentication information: verify aksk signature fail.");
        }

        var projectHeader = context.Request.Headers["X-Project-Id"].ToString();
        if (projectHeader.Length == 0)
        {
            return new Caller(key.DomainId, null);
        }

        var project = IdentityDirectory.FindProject(projectHeader);
        return project is not null && project.DomainId == key.DomainId
            ? new Caller(key.DomainId, project.Id)
            : throw ApiError.Unauthenticated("Incorrect IAM authentication information: the X-Project-Id does not belong to the access key's domain.");
    }

    private void CheckClock(SignedRequest request)
    {
        if (!request.Headers.TryGetValue("X-Sdk-Date", out var sdkDate)
            || !DateTimeOffset.TryParseExact(sdkDate, SdkSignature.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw ApiError.Unauthenticated("Incorrect IAM authentication information: X-Sdk-Date is missing or malformed.");
        }

        if ((clock.GetUtcNow() - signedAt).Duration() > AllowedSkew)
        {
            throw new ApiError(401, "APIGW.0303", "Incorrect app authentication information: the X-Sdk-Date differs from the server time by more than 15 minutes.");
        }
    }

    private static Caller BindToPathProject(Caller caller, string pathProjectId, bool byToken)
    {
        if (caller.ProjectId is { } projectId)
        {
            return projectId == pathProjectId
                ? caller
                : throw new ApiError(403, "EndPoint.0004", "Forbidden: the project in the URL does not match the credential's project.");
        }

        if (byToken)
        {
            throw new ApiError(403, "EndPoint.0004", "Forbidden: VPCEP needs a project-scoped token.");
        }

        // A signed request without X-Project-Id works on any project of the key's own domain.
        var project = IdentityDirectory.FindProject(pathProjectId);
        return project is not null && project.DomainId == caller.DomainId
            ? caller with { ProjectId = project.Id }
            : throw new ApiError(403, "EndPoint.0004", "Forbidden: the project in the URL does not belong to the credential's domain.");
    }

    internal static SignedRequest ToSignedRequest(HttpContext context, byte[] body)
    {
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget
            ?? (context.Request.PathBase + context.Request.Path + context.Request.QueryString).ToString();
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];
        var headers = context.Request.Headers.ToDictionary(
            header => header.Key,
            header => header.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        return new SignedRequest(context.Request.Method, rawPath, rawQuery, headers, body);
    }
}
