using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>The cross-tenant summary of a service returned by <c>vpc-endpoint-services/describe</c>.</summary>
public sealed class ServiceBasicInfo
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("service_name")]
    public string? ServiceName { get; set; }

    [JsonProperty("service_type")]
    public string? ServiceType { get; set; }

    [JsonProperty("created_at")]
    public string? CreatedAt { get; set; }

    /// <summary>Documented as a boolean; examples show the string <c>"true"</c>, which also converts.</summary>
    [JsonProperty("is_charge")]
    public bool IsCharge { get; set; }
}
