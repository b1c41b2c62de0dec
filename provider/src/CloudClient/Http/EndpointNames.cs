namespace Otc.CloudClient;

/// <summary>Default host names per region and normalisation of catalog/override URLs to a VPCEP root.</summary>
internal static class EndpointNames
{
    // eu-ch2 (Swiss cloud) uses the ".sc." infix and a differently named IAM host.
    private const string SwissRegion = "eu-ch2";

    public static Uri DefaultIam(string region) => region == SwissRegion
        ? new Uri("https://iam-pub.eu-ch2.sc.otc.t-systems.com/v3")
        : new Uri($"https://iam.{region}.otc.t-systems.com/v3");

    public static string DefaultVpcep(string region) => region == SwissRegion
        ? "https://vpcep.eu-ch2.sc.otc.t-systems.com"
        : $"https://vpcep.{region}.otc.t-systems.com";

    /// <summary>
    /// Turns <c>https://host/v1/$(tenant_id)s</c>, <c>https://host/v1/{id}</c> or <c>https://host</c> into the
    /// project-scoped base <c>https://host/v1/{projectId}/</c> that every VPCEP path hangs off.
    /// </summary>
    public static Uri VpcepBase(string endpoint, string projectId)
    {
        var substituted = endpoint.Replace("$(tenant_id)s", projectId, StringComparison.Ordinal)
            .Replace("$(project_id)s", projectId, StringComparison.Ordinal);
        if (!Uri.TryCreate(substituted, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new OtcConfigurationException($"'{endpoint}' is not an absolute http(s) URL.", nameof(OtcClientOptions.VpcepEndpoint));
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var version = path.IndexOf("/v1/", StringComparison.Ordinal);
        if (version >= 0)
        {
            path = path[..version];
        }
        else if (path.EndsWith("/v1", StringComparison.Ordinal))
        {
            path = path[..^3];
        }

        return new Uri($"{uri.Scheme}://{uri.Authority}{path}/v1/{Uri.EscapeDataString(projectId)}/");
    }

    public static Uri ParseAuthUrl(string authUrl)
    {
        if (!Uri.TryCreate(authUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new OtcConfigurationException($"'{authUrl}' is not an absolute http(s) URL.", nameof(OtcClientOptions.AuthUrl));
        }

        return uri;
    }
}
