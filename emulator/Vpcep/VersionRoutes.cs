using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>API version discovery: <c>GET /</c> and <c>GET /v1</c> (no authentication, like the real endpoint).</summary>
internal static class VersionRoutes
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", context => JsonWire.WriteAsync(context, 200, new
        {
            versions = new[] { Version(context, "v1", "2018-09-30T00:00:00Z"), Version(context, "v2", "2020-03-30T00:00:00Z") },
        }));
        app.MapGet("/v1", context => JsonWire.WriteAsync(context, 200, new { version = Version(context, "v1", "2018-09-30T00:00:00Z") }));
    }

    private static object Version(HttpContext context, string id, string updated) => new
    {
        id,
        status = "CURRENT",
        updated,
        version = string.Empty,
        min_version = string.Empty,
        links = new[] { new { href = $"{context.Request.Scheme}://{context.Request.Host}/{id}/", type = "application/vnd.vpcep", rel = "self" } },
    };
}
