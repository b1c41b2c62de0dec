using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>One quota line: <c>endpoint_service</c> or <c>endpoint</c>, with usage.</summary>
public sealed class QuotaEntry
{
    [JsonProperty("type")]
    public string Type { get; set; } = "";

    [JsonProperty("used")]
    public int Used { get; set; }

    [JsonProperty("quota")]
    public int Quota { get; set; }
}
