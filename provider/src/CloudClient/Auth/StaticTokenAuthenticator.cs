namespace Otc.CloudClient;

/// <summary>A pre-issued token sent as <c>X-Auth-Token</c>; it cannot be renewed.</summary>
internal sealed class StaticTokenAuthenticator(string token) : IRequestAuthenticator
{
    public ValueTask ApplyAsync(HttpRequestMessage request, byte[] body, CancellationToken ct)
    {
        request.Headers.Remove(TokenHeaders.AuthToken);
        request.Headers.TryAddWithoutValidation(TokenHeaders.AuthToken, token);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RenewAfterUnauthorizedAsync(HttpRequestMessage rejectedRequest, CancellationToken ct) => ValueTask.FromResult(false);
}
