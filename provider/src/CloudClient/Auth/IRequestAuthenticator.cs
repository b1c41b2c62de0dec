namespace Otc.CloudClient;

/// <summary>Adds credentials to each attempt of a request.</summary>
internal interface IRequestAuthenticator
{
    /// <param name="body">The exact bytes the request carries (empty when it has none); signers hash these.</param>
    ValueTask ApplyAsync(HttpRequestMessage request, byte[] body, CancellationToken ct);

    /// <summary>Called after a 401. True when fresh credentials were obtained and one more attempt makes sense.</summary>
    ValueTask<bool> RenewAfterUnauthorizedAsync(HttpRequestMessage rejectedRequest, CancellationToken ct);
}
