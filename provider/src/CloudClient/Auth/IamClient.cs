using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Otc.CloudClient;

/// <summary>The few IAM (keystone v3) calls the client needs: password tokens, project lookup by name, the service catalog.</summary>
internal sealed class IamClient(OtcTransport transport, Uri authUrl, TimeProvider clock)
{
    private const string CatalogType = "vpcep";

    /// <summary><c>POST {authUrl}/auth/tokens</c>, scoped to one project by id or by name.</summary>
    public async Task<IssuedToken> IssuePasswordTokenAsync(string domainName, string userName, string password, string? projectId, string? projectName, CancellationToken ct)
    {
        var project = projectId is not null ? new JObject { ["id"] = projectId } : new JObject { ["name"] = projectName };
        var body = new JObject
        {
            ["auth"] = new JObject
            {
                ["identity"] = new JObject
                {
                    ["methods"] = new JArray("password"),
                    ["password"] = new JObject
                    {
                        ["user"] = new JObject
                        {
                            ["name"] = userName,
                            ["password"] = password,
                            ["domain"] = new JObject { ["name"] = domainName },
                        },
                    },
                },
                ["scope"] = new JObject { ["project"] = project },
            },
        };
        var bytes = System.Text.Encoding.UTF8.GetBytes(body.ToString(Formatting.None));
        var requested = clock.GetUtcNow();
        // Issuing a token changes nothing on the server, so repeating the POST is safe.
        var request = new OtcRequest(HttpMethod.Post, Resolve("auth/tokens"), "POST auth/tokens", bytes, Idempotent: true);
        var response = await transport.SendAsync(request, authenticator: null, ct).ConfigureAwait(false);

        var value = response.Header(TokenHeaders.SubjectToken)
            ?? throw new OtcTransportException(request.Operation, "IAM issued no token (the X-Subject-Token header is missing).");
        var token = Parse(response.Body, request.Operation)["token"] as JObject
            ?? throw new OtcTransportException(request.Operation, "IAM answered without a token object.");
        return new IssuedToken(
            value,
            RefreshAt(token, requested),
            (string?)token["project"]?["id"],
            FindVpcepUrl(token["catalog"] as JArray));
    }

    /// <summary><c>GET {authUrl}/projects?name=</c>; the project id for a region project such as <c>eu-de</c>.</summary>
    public async Task<string> FindProjectIdAsync(string projectName, IRequestAuthenticator authenticator, CancellationToken ct)
    {
        var uri = Resolve("projects?name=" + AkSkSigner.Encode(projectName));
        var request = new OtcRequest(HttpMethod.Get, uri, "GET projects", null, Idempotent: true);
        var response = await transport.SendAsync(request, authenticator, ct).ConfigureAwait(false);
        var projects = Parse(response.Body, request.Operation)["projects"] as JArray;
        var match = projects?.OfType<JObject>().FirstOrDefault(p => string.Equals((string?)p["name"], projectName, StringComparison.Ordinal));
        return (string?)match?["id"]
            ?? throw new OtcConfigurationException($"IAM knows no project named '{projectName}' for these credentials.", nameof(OtcClientOptions.ProjectName), nameof(OtcClientOptions.Region));
    }

    /// <summary><c>GET {authUrl}/auth/catalog</c>; the VPCEP URL, or null when the catalog has none.</summary>
    public async Task<string?> FindVpcepUrlAsync(IRequestAuthenticator authenticator, string projectId, CancellationToken ct)
    {
        var request = new OtcRequest(HttpMethod.Get, Resolve("auth/catalog"), "GET auth/catalog", null, Idempotent: true)
        {
            Headers = new Dictionary<string, string> { ["X-Project-Id"] = projectId },
        };
        var response = await transport.SendAsync(request, authenticator, ct).ConfigureAwait(false);
        return FindVpcepUrl(Parse(response.Body, request.Operation)["catalog"] as JArray);
    }

    private Uri Resolve(string relative)
    {
        var root = authUrl.AbsoluteUri.EndsWith('/') ? authUrl.AbsoluteUri : authUrl.AbsoluteUri + "/";
        return new Uri(root + relative);
    }

    private static string? FindVpcepUrl(JArray? catalog)
    {
        var service = catalog?.OfType<JObject>().FirstOrDefault(s => string.Equals((string?)s["type"], CatalogType, StringComparison.OrdinalIgnoreCase));
        var endpoints = (service?["endpoints"] as JArray)?.OfType<JObject>().ToList() ?? [];
        var chosen = endpoints.FirstOrDefault(e => string.Equals((string?)e["interface"], "public", StringComparison.OrdinalIgnoreCase))
            ?? endpoints.FirstOrDefault();
        return (string?)chosen?["url"];
    }

    /// <summary>
    /// Renew a little before expiry: a tenth of the token's lifetime, at most five minutes early.
    /// The lifetime comes from the server's own issued/expires pair and is laid onto the local clock.
    /// </summary>
    private DateTimeOffset RefreshAt(JObject token, DateTimeOffset requested)
    {
        var expires = ParseTime(token["expires_at"]);
        var issued = ParseTime(token["issued_at"]);
        var lifetime = expires is null ? TimeSpan.FromHours(1)
            : issued is null ? expires.Value - clock.GetUtcNow()
            : expires.Value - issued.Value;
        if (lifetime < TimeSpan.Zero)
        {
            lifetime = TimeSpan.Zero;
        }

        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, lifetime.Ticks / 10));
        return requested + lifetime - margin;
    }

    private static DateTimeOffset? ParseTime(JToken? token)
        => (string?)token is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed : null;

    private static JObject Parse(string body, string operation)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) as JObject
                ?? throw new OtcTransportException(operation, $"{operation} returned JSON that is not an object.");
        }
        catch (JsonException ex)
        {
            throw new OtcTransportException(operation, $"{operation} returned a body that is not JSON.", ex);
        }
    }
}
