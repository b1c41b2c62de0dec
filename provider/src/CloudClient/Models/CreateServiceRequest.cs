using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>Body of <c>POST vpc-endpoint-services</c>. Null fields are left out so the cloud applies its defaults.</summary>
public sealed class CreateServiceRequest
{
    [JsonProperty("port_id")]
    public required string PortId { get; init; }

    [JsonProperty("pool_id")]
    public string? PoolId { get; init; }

    /// <summary>The short name (at most 16 of <c>[A-Za-z0-9_-]</c>); the cloud stores <c>{region}.{name}.{id}</c>.</summary>
    [JsonProperty("service_name")]
    public string? ServiceName { get; init; }

    [JsonProperty("vpc_id")]
    public required string VpcId { get; init; }

    [JsonProperty("approval_enabled")]
    public bool? ApprovalEnabled { get; init; }

    [JsonProperty("service_type")]
    public string? ServiceType { get; init; }

    [JsonProperty("server_type")]
    public required string ServerType { get; init; }

    [JsonProperty("ports")]
    public required List<PortMapping> Ports { get; init; }

    [JsonProperty("tcp_proxy")]
    public string? TcpProxy { get; init; }

    [JsonProperty("tags")]
    public List<ResourceTag>? Tags { get; init; }

    [JsonProperty("description")]
    public string? Description { get; init; }
}
