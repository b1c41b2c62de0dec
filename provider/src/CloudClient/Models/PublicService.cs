using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>A system-provided service such as <c>com.t-systems.otc.eu-de.obs</c>.</summary>
public sealed class PublicService
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("owner")]
    public string? Owner { get; set; }

    [JsonProperty("service_name")]
    public string? ServiceName { get; set; }

    [JsonProperty("service_type")]
    public string? ServiceType { get; set; }

    [JsonProperty("created_at")]
    public string? CreatedAt { get; set; }

    [JsonProperty("is_charge")]
    public bool IsCharge { get; set; }
}
