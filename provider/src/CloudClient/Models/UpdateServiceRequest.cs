using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>Body of <c>PUT vpc-endpoint-services/{id}</c>. Only non-null fields are sent; <c>Ports</c> replaces the whole list.</summary>
public sealed class UpdateServiceRequest
{
    [JsonProperty("approval_enabled")]
    public bool? ApprovalEnabled { get; init; }

    [JsonProperty("service_name")]
    public string? ServiceName { get; init; }

    [JsonProperty("ports")]
    public List<PortMapping>? Ports { get; init; }

    [JsonProperty("port_id")]
    public string? PortId { get; init; }

    [JsonProperty("tcp_proxy")]
    public string? TcpProxy { get; init; }

    [JsonProperty("description")]
    public string? Description { get; init; }
}
