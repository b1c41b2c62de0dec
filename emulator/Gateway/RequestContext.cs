namespace Otc.Emulator.Gateway;

/// <summary>What the gateway learned about a request before it reached a route handler.</summary>
internal sealed class RequestContext(string requestId, byte[] body)
{
    private static readonly object Key = new();

    public string RequestId { get; } = requestId;

    /// <summary>The exact body bytes, read once so signature check, journal and handler all see the same bytes.</summary>
    public byte[] Body { get; } = body;

    /// <summary>The authenticated caller; null on unauthenticated routes.</summary>
    public Caller? Caller { get; set; }

    /// <summary>Project id for the journal: the path project, else the caller's project.</summary>
    public string? ProjectId { get; set; }

    public static RequestContext Of(HttpContext context) =>
        (RequestContext?)context.Items[Key] ?? throw new InvalidOperationException("The gateway did not run for this request.");

    public void Attach(HttpContext context) => context.Items[Key] = this;
}

/// <summary>An authenticated principal: always a domain, a project unless the token is domain-scoped.</summary>
internal sealed record Caller(string DomainId, string? ProjectId);
