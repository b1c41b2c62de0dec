namespace Otc.CloudClient;

/// <summary>Entry point: resolves credentials, project and endpoint, and returns a ready VPCEP client.</summary>
public static class OtcClient
{
    /// <summary>
    /// Resolves the authentication mode, the project id (through IAM when absent) and the VPCEP endpoint
    /// (override → IAM catalog → <c>https://vpcep.{region}.otc.t-systems.com</c>). With region, project id,
    /// AK/SK and an endpoint override it makes no IAM call at all.
    /// </summary>
    /// <exception cref="OtcConfigurationException">Credentials are missing or contradictory.</exception>
    public static Task<IVpcepClient> ConnectAsync(OtcClientOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ConnectAsync(options, TimeProvider.System, ct);
    }

    internal static async Task<IVpcepClient> ConnectAsync(OtcClientOptions options, TimeProvider clock, CancellationToken ct)
    {
        var mode = OptionsValidator.Validate(options);
        var authUrl = options.AuthUrl is null ? EndpointNames.DefaultIam(options.Region) : EndpointNames.ParseAuthUrl(options.AuthUrl);
        var http = HttpFactory.Create(options.Insecure, options.MaxConnectionsPerServer);
        var retry = new RetrySettings(options.MaxRetries, options.RequestTimeout) { ThrottleBudget = options.ThrottleRetryBudget };
        // One pacer and one set of connection slots per client: every caller of this client shares them.
        var transport = new OtcTransport(
            http, retry, new ThrottlePacer(TimeProvider.System, options.Log), new ConnectionSlots(options.MaxConnectionsPerServer), options.Log);
        var iam = new IamClient(transport, authUrl, clock);
        IRequestAuthenticator? authenticator = null;
        try
        {
            var projectName = options.ProjectName ?? options.Region;
            string projectId;
            string? catalogUrl = null;
            switch (mode)
            {
                case AuthMode.Password:
                    var tokens = new PasswordTokenAuthenticator(
                        token => iam.IssuePasswordTokenAsync(options.DomainName!, options.Username!, options.Password!, options.ProjectId, projectName, token),
                        clock,
                        options.Log);
                    authenticator = tokens;
                    var first = await tokens.GetTokenAsync(ct).ConfigureAwait(false);
                    projectId = options.ProjectId ?? first.ProjectId
                        ?? throw new OtcConfigurationException("IAM issued a token without a project; set ProjectId.", nameof(OtcClientOptions.ProjectId));
                    catalogUrl = first.VpcepCatalogUrl;
                    break;
                case AuthMode.AccessKey:
                    authenticator = new AkSkAuthenticator(options.AccessKey!, options.SecretKey!, NullIfBlank(options.SecurityToken), clock);
                    projectId = options.ProjectId ?? await iam.FindProjectIdAsync(projectName, authenticator, ct).ConfigureAwait(false);
                    break;
                default:
                    authenticator = new StaticTokenAuthenticator(options.Token!);
                    projectId = options.ProjectId ?? await iam.FindProjectIdAsync(projectName, authenticator, ct).ConfigureAwait(false);
                    break;
            }

            if (options.VpcepEndpoint is null && catalogUrl is null && mode != AuthMode.Password)
            {
                catalogUrl = await CatalogOrNullAsync(iam, authenticator, projectId, options.Log, ct).ConfigureAwait(false);
            }

            var endpoint = options.VpcepEndpoint ?? catalogUrl ?? EndpointNames.DefaultVpcep(options.Region);
            var baseUri = EndpointNames.VpcepBase(endpoint, projectId);
            options.Log?.Invoke($"VPCEP endpoint {baseUri.GetLeftPart(UriPartial.Authority)}, project {projectId}, auth {mode}");
            return new VpcepClient(transport, authenticator, baseUri, options.Region, projectId, clock, http);
        }
        catch
        {
            (authenticator as IDisposable)?.Dispose();
            http.Dispose();
            throw;
        }
    }

    /// <summary>A catalog that cannot be read (other than for bad credentials) falls back to the default host.</summary>
    private static async Task<string?> CatalogOrNullAsync(IamClient iam, IRequestAuthenticator authenticator, string projectId, Action<string>? log, CancellationToken ct)
    {
        try
        {
            return await iam.FindVpcepUrlAsync(authenticator, projectId, ct).ConfigureAwait(false);
        }
        catch (OtcApiException ex) when (ex.HttpStatus != 401)
        {
            log?.Invoke($"IAM catalog unavailable ({ex.HttpStatus} {ex.ErrorCode}); using the default VPCEP host");
            return null;
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
