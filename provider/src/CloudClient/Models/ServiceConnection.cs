using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>An endpoint connected to one of our services, as seen from the service side.</summary>
public sealed class ServiceConnection
{
    /// <summary>The endpoint id.</summary>
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    /// <summary>The connection id: the JSON number's digits (up to 18, more than a double holds).</summary>
    [JsonProperty("marker_id")]
    [JsonConverter(typeof(ExactIntegerConverter))]
    public string? MarkerId { get; set; }

    [JsonProperty("created_at")]
    public string? CreatedAt { get; set; }

    [JsonProperty("updated_at")]
    public string? UpdatedAt { get; set; }

    [JsonProperty("domain_id")]
    public string? DomainId { get; set; }

    /// <summary><c>pendingAcceptance</c>, <c>creating</c>, <c>accepted</c>, <c>rejected</c>, <c>failed</c> or <c>deleting</c>.</summary>
    [JsonProperty("status")]
    public string? Status { get; set; }

    [JsonProperty("description")]
    public string? Description { get; set; }

    [JsonProperty("error")]
    public List<ServiceError> Errors { get; set; } = [];
}
