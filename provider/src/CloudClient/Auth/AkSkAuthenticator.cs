namespace Otc.CloudClient;

/// <summary>Signs every request with AK/SK; adds <c>X-Security-Token</c> for temporary keys.</summary>
internal sealed class AkSkAuthenticator(string accessKey, string secretKey, string? securityToken, TimeProvider clock) : IRequestAuthenticator
{
    private const string ProjectHeader = "X-Project-Id";

    public ValueTask ApplyAsync(HttpRequestMessage request, byte[] body, CancellationToken ct)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A request without a URI cannot be signed.");
        var date = AkSkSigner.FormatDate(clock.GetUtcNow());
        request.Headers.Remove(AkSkSigner.DateHeader);
        request.Headers.TryAddWithoutValidation(AkSkSigner.DateHeader, date);

        var signed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = uri.Authority,
            ["x-sdk-date"] = date,
        };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signed["content-type"] = contentType.ToString();
        }

        if (request.Headers.TryGetValues(ProjectHeader, out var project))
        {
            signed["x-project-id"] = project.First();
        }

        if (securityToken is not null)
        {
            request.Headers.Remove("X-Security-Token");
            request.Headers.TryAddWithoutValidation("X-Security-Token", securityToken);
        }

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", AkSkSigner.Authorization(accessKey, secretKey, request.Method.Method, uri, signed, body));
        return ValueTask.CompletedTask;
    }

    /// <summary>A signature cannot be renewed; a 401 here is final.</summary>
    public ValueTask<bool> RenewAfterUnauthorizedAsync(HttpRequestMessage rejectedRequest, CancellationToken ct) => ValueTask.FromResult(false);
}
