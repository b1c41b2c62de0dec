namespace Otc.CloudClient;

/// <summary>
/// Everything needed to reach VPCEP. Exactly one credential set: AK/SK (optionally with a security token),
/// user name + password + domain, or a pre-issued token.
/// </summary>
public sealed class OtcClientOptions
{
    /// <summary>e.g. <c>eu-de</c>; also the default project name and part of the default host names.</summary>
    public required string Region { get; init; }

    public string? ProjectId { get; init; }

    /// <summary>Used to look the project id up when <see cref="ProjectId"/> is absent; defaults to <see cref="Region"/>.</summary>
    public string? ProjectName { get; init; }

    /// <summary>IAM v3 base, e.g. <c>https://iam.eu-de.otc.t-systems.com/v3</c>; derived from the region when absent.</summary>
    public string? AuthUrl { get; init; }

    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    /// <summary>Makes <see cref="AccessKey"/>/<see cref="SecretKey"/> a temporary key pair.</summary>
    public string? SecurityToken { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? DomainName { get; init; }

    /// <summary>A pre-issued, project-scoped IAM token.</summary>
    public string? Token { get; init; }

    /// <summary>Overrides the catalog, e.g. <c>https://vpcep.eu-de.otc.t-systems.com</c> (a trailing <c>/v1/...</c> is ignored).</summary>
    public string? VpcepEndpoint { get; init; }

    /// <summary>Skips TLS certificate verification. Only for test set-ups.</summary>
    public bool Insecure { get; init; }

    /// <summary>Further attempts after the first for retryable failures (5xx, timeouts, connection errors); throttling does not count.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>
    /// How long one call keeps retrying after its first throttling answer (429 <c>APIGW.0308</c>, 400 <c>EndPoint.0022</c>).
    /// A throttled request was not executed, so it is always safe to repeat; it gives up with the throttling error after this.
    /// </summary>
    public TimeSpan ThrottleRetryBudget { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Limit for a single attempt, from the moment it has a connection until its answer is read.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Connections (and so requests in flight) to one server at most; more concurrent calls wait for a free one, and
    /// their <see cref="RequestTimeout"/> starts only once they have it.
    /// </summary>
    public int MaxConnectionsPerServer { get; init; } = ConnectionSlots.DefaultPerServer;

    /// <summary>Receives one line per HTTP attempt and retry decision; never a secret.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Shows which settings are present, never the secret values.</summary>
    public override string ToString()
        => $"OtcClientOptions {{ Region = {Region}, ProjectId = {ProjectId}, ProjectName = {ProjectName}, AuthUrl = {AuthUrl}, "
            + $"AccessKey = {Presence(AccessKey)}, SecretKey = {Presence(SecretKey)}, SecurityToken = {Presence(SecurityToken)}, "
            + $"Username = {Username}, Password = {Presence(Password)}, DomainName = {DomainName}, Token = {Presence(Token)}, "
            + $"VpcepEndpoint = {VpcepEndpoint}, Insecure = {Insecure}, MaxRetries = {MaxRetries}, ThrottleRetryBudget = {ThrottleRetryBudget}, RequestTimeout = {RequestTimeout}, MaxConnectionsPerServer = {MaxConnectionsPerServer} }}";

    private static string Presence(string? secret) => string.IsNullOrEmpty(secret) ? "<unset>" : "<set>";
}
