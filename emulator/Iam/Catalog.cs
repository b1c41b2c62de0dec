namespace Otc.Emulator.Iam;

/// <summary>The service catalog: VPCEP (type <c>vpcep</c>) and IAM itself, both served by this emulator.</summary>
internal static class Catalog
{
    public static object[] For(string baseUrl, string region, string? projectId)
    {
        var project = projectId ?? "$(tenant_id)s";
        return
        [
            new
            {
                type = "vpcep",
                id = "c0000000000000000000000000vpcep1",
                name = "vpcep",
                endpoints = new[] { Endpoint($"{baseUrl}/v1/{project}", region, "e00000000000000000000000000vpcep") },
            },
            new
            {
                type = "identity",
                id = "c000000000000000000000000000iam1",
                name = "iam",
                endpoints = new[] { Endpoint($"{baseUrl}/v3", region, "e0000000000000000000000000000iam") },
            },
        ];
    }

    private static object Endpoint(string url, string region, string id) =>
        new { url, region, region_id = region, @interface = "public", id };
}
