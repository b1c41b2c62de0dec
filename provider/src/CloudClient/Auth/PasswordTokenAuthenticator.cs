namespace Otc.CloudClient;

/// <summary>
/// Holds an IAM token obtained with user name and password and renews it shortly before it expires or after a 401.
/// Concurrent callers that find the token stale all await the same single refresh.
/// </summary>
internal sealed class PasswordTokenAuthenticator(Func<CancellationToken, Task<IssuedToken>> issueToken, TimeProvider clock, Action<string>? log)
    : IRequestAuthenticator, IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _lifetime = new();
    private IssuedToken? _current;
    private Task<IssuedToken>? _refreshing;

    public async Task<IssuedToken> GetTokenAsync(CancellationToken ct)
    {
        Task<IssuedToken> pending;
        lock (_gate)
        {
            if (_current is { } token && clock.GetUtcNow() < token.RefreshAt)
            {
                return token;
            }

            pending = _refreshing ??= RefreshAsync();
        }

        // One caller giving up must not cancel the refresh the others are waiting for.
        return await pending.WaitAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask ApplyAsync(HttpRequestMessage request, byte[] body, CancellationToken ct)
    {
        var token = await GetTokenAsync(ct).ConfigureAwait(false);
        request.Headers.Remove(TokenHeaders.AuthToken);
        request.Headers.TryAddWithoutValidation(TokenHeaders.AuthToken, token.Value);
    }

    public async ValueTask<bool> RenewAfterUnauthorizedAsync(HttpRequestMessage rejectedRequest, CancellationToken ct)
    {
        var rejected = rejectedRequest.Headers.TryGetValues(TokenHeaders.AuthToken, out var values) ? values.FirstOrDefault() : null;
        lock (_gate)
        {
            // Only the first of many callers rejected with the same token discards it; the rest reuse its replacement.
            if (_current is not null && string.Equals(_current.Value, rejected, StringComparison.Ordinal))
            {
                _current = null;
                log?.Invoke("IAM token rejected with 401; renewing");
            }
        }

        await GetTokenAsync(ct).ConfigureAwait(false);
        return true;
    }

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private Task<IssuedToken> RefreshAsync() => Task.Run(async () =>
    {
        try
        {
            var token = await issueToken(_lifetime.Token).ConfigureAwait(false);
            lock (_gate)
            {
                _current = token;
                _refreshing = null;
            }

            return token;
        }
        catch
        {
            lock (_gate)
            {
                _refreshing = null;
            }

            throw;
        }
    });
}
