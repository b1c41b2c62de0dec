using Newtonsoft.Json;

namespace Otc.CloudClient;

// Envelopes the API wraps around lists and action bodies; callers only ever see the items.

internal sealed class ServicePage
{
    [JsonProperty("endpoint_services")]
    public List<EndpointService> Items { get; set; } = [];

    /// <summary>Null when the answer has no <c>total_count</c>.</summary>
    [JsonProperty("total_count")]
    public int? TotalCount { get; set; }
}

internal sealed class PublicServicePage
{
    [JsonProperty("endpoint_services")]
    public List<PublicService> Items { get; set; } = [];

    /// <summary>Null when the answer has no <c>total_count</c>.</summary>
    [JsonProperty("total_count")]
    public int? TotalCount { get; set; }
}

internal sealed class PermissionPage
{
    [JsonProperty("permissions")]
    public List<ServicePermission> Items { get; set; } = [];

    /// <summary>Null when the answer has no <c>total_count</c>.</summary>
    [JsonProperty("total_count")]
    public int? TotalCount { get; set; }
}

internal sealed class ConnectionPage
{
    [JsonProperty("connections")]
    public List<ServiceConnection> Items { get; set; } = [];

    /// <summary>Null when the answer has no <c>total_count</c>.</summary>
    [JsonProperty("total_count")]
    public int? TotalCount { get; set; }
}

internal sealed class EndpointPage
{
    [JsonProperty("endpoints")]
    public List<VpcEndpoint> Items { get; set; } = [];

    /// <summary>Null when the answer has no <c>total_count</c>.</summary>
    [JsonProperty("total_count")]
    public int? TotalCount { get; set; }
}

internal sealed class PermissionActionBody
{
    [JsonProperty("permissions")]
    public IReadOnlyCollection<string> Permissions { get; set; } = [];

    [JsonProperty("action")]
    public string Action { get; set; } = "";
}

internal sealed class PermissionActionResult
{
    [JsonProperty("permissions")]
    public List<string> Permissions { get; set; } = [];
}

internal sealed class ConnectionActionBody
{
    [JsonProperty("action")]
    public string Action { get; set; } = "";

    [JsonProperty("endpoints")]
    public List<string> Endpoints { get; set; } = [];
}

internal sealed class TagActionBody
{
    [JsonProperty("action")]
    public string Action { get; set; } = "";

    [JsonProperty("tags")]
    public IReadOnlyCollection<ResourceTag> Tags { get; set; } = [];
}

internal sealed class QuotaEnvelope
{
    [JsonProperty("quotas")]
    public QuotaResources Quotas { get; set; } = new();
}

internal sealed class QuotaResources
{
    [JsonProperty("resources")]
    public List<QuotaEntry> Resources { get; set; } = [];
}
