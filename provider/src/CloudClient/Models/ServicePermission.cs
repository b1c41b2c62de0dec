using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>A whitelist record of an endpoint service.</summary>
public sealed class ServicePermission
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    /// <summary><c>iam:domain::&lt;domain id&gt;</c> or <c>*</c>.</summary>
    [JsonProperty("permission")]
    public string Permission { get; set; } = "";

    [JsonProperty("permission_type")]
    public string? PermissionType { get; set; }

    [JsonProperty("description")]
    public string? Description { get; set; }

    [JsonProperty("created_at")]
    public string? CreatedAt { get; set; }
}
