using System.Text.Json;
using System.Text.Json.Nodes;
using Otc.Emulator.Auth;
using Otc.Emulator.Gateway;

namespace Otc.Emulator.Iam;

/// <summary>The small part of IAM v3 that clients need: password tokens, project lookup by name, the catalog.</summary>
internal static class IamRoutes
{
    public const string TokensPath = "/v3/auth/tokens";

    public static void Map(IEndpointRouteBuilder app, TokenStore tokens, EmulatorOptions options)
    {
        app.MapPost(TokensPath, context => IssueToken(context, tokens, options));
        app.MapGet("/v3/projects", context =>
        {
            var caller = RequestContext.Of(context).Caller!;
            var name = context.Request.Query["name"].FirstOrDefault();
            var projects = IdentityDirectory.Projects
                .Where(project => project.DomainId == caller.DomainId && (name is null || project.Name == name))
                .Select(project => new JsonObject
                {
                    ["is_domain"] = false,
                    ["description"] = string.Empty,
                    ["links"] = new JsonObject { ["self"] = $"{BaseUrl(context)}/v3/projects/{project.Id}" },
                    ["enabled"] = true,
                    ["id"] = project.Id,
                    ["parent_id"] = project.DomainId,
                    ["domain_id"] = project.DomainId,
                    ["name"] = project.Name,
                })
                .ToArray<JsonNode?>();

            // The documented answer spells out links.previous and links.next as null, which the usual writer would drop.
            var answer = new JsonObject
            {
                ["links"] = new JsonObject { ["self"] = $"{BaseUrl(context)}/v3/projects{context.Request.QueryString}", ["previous"] = null, ["next"] = null },
                ["projects"] = new JsonArray(projects),
            };
            return JsonWire.WriteAsync(context, 200, answer);
        });
        app.MapGet("/v3/auth/catalog", context =>
        {
            var caller = RequestContext.Of(context).Caller!;
            return JsonWire.WriteAsync(context, 200, new
            {
                catalog = Catalog.For(BaseUrl(context), options.Region, caller.ProjectId),
                links = new { self = $"{BaseUrl(context)}/v3/auth/catalog" },
            });
        });
    }

    public static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static Task IssueToken(HttpContext context, TokenStore tokens, EmulatorOptions options)
    {
        var auth = ParseAuth(RequestContext.Of(context).Body);
        var methods = auth["identity"]?["methods"]?.AsArray().Select(method => method?.GetValue<string>()).ToList() ?? [];
        if (!methods.Contains("password"))
        {
            throw KeystoneError.BadRequest("Only the password authentication method is supported.");
        }

        var user = auth["identity"]?["password"]?["user"];
        var domain = IdentityDirectory.FindDomain(Text(user?["domain"]?["id"]), Text(user?["domain"]?["name"]));
        var account = IdentityDirectory.Users.FirstOrDefault(candidate =>
            candidate.DomainId == domain?.Id
            && (candidate.Name == Text(user?["name"]) || candidate.Id == Text(user?["id"]))
            && candidate.Password == Text(user?["password"]))
            ?? throw KeystoneError.Unauthorized("The username or password is wrong.");

        var project = ResolveScope(auth["scope"], account);
        var now = options.Clock.GetUtcNow();
        var grant = new TokenGrant(account.Id, account.DomainId, project?.Id, now, now + options.TokenLifetime);
        var token = tokens.Issue(grant);
        var accountDomain = IdentityDirectory.FindDomain(account.DomainId, null)!;
        var withCatalog = !context.Request.Query.ContainsKey("nocatalog");

        context.Response.Headers["X-Subject-Token"] = token;
        return JsonWire.WriteAsync(context, 201, new
        {
            token = new
            {
                methods = new[] { "password" },
                expires_at = grant.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'000Z'", System.Globalization.CultureInfo.InvariantCulture),
                issued_at = grant.IssuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'000Z'", System.Globalization.CultureInfo.InvariantCulture),
                user = new { domain = new { id = accountDomain.Id, name = accountDomain.Name }, id = account.Id, name = account.Name, password_expires_at = string.Empty },
                project = project is null ? null : new { id = project.Id, name = project.Name, domain = new { id = accountDomain.Id, name = accountDomain.Name } },
                domain = project is null ? new { id = accountDomain.Id, name = accountDomain.Name } : null,
                catalog = withCatalog ? Catalog.For(BaseUrl(context), options.Region, project?.Id) : null,
                roles = new[] { new { id = "r0000000000000000000000000000001", name = "te_admin" } },
            },
        });
    }

    private static JsonNode ParseAuth(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body)?["auth"] ?? throw KeystoneError.BadRequest("The request body has no auth object.");
        }
        catch (JsonException)
        {
            throw KeystoneError.BadRequest("The request body is not valid JSON.");
        }
    }

    /// <summary>Project scope by id or name within the user's domain; no scope or a domain scope gives a domain token.</summary>
    private static ProjectInfo? ResolveScope(JsonNode? scope, UserInfo account)
    {
        var project = scope?["project"];
        if (project is null)
        {
            return null;
        }

        var id = Text(project["id"]);
        var name = Text(project["name"]);
        return IdentityDirectory.Projects.FirstOrDefault(candidate =>
                candidate.DomainId == account.DomainId && (id is not null ? candidate.Id == id : candidate.Name == name))
            ?? throw KeystoneError.Unauthorized($"Could not find project {id ?? name} in the user's domain.");
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
