using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>A VPC endpoint service as the VPCEP API reports it (detail and list items share this shape).</summary>
public sealed class EndpointService
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("port_id")]
    public string? PortId { get; set; }

    [JsonProperty("pool_id")]
    public string? PoolId { get; set; }

    /// <summary>The full name, <c>{region}.{name}.{id}</c> (or <c>{region}.{id}</c> when unnamed).</summary>
    [JsonProperty("service_name")]
    public string? ServiceName { get; set; }

    [JsonProperty("service_type")]
    public string? ServiceType { get; set; }

    [JsonProperty("server_type")]
    public string? ServerType { get; set; }

    [JsonProperty("vpc_id")]
    public string? VpcId { get; set; }

    [JsonProperty("approval_enabled")]
    public bool ApprovalEnabled { get; set; }

    /// <summary><c>creating</c>, <c>available</c>, <c>failed</c> or <c>deleting</c>.</summary>
    [JsonProperty("status")]
    public string? Status { get; set; }

    [JsonProperty("created_at")]
    public string? CreatedAt { get; set; }

    [JsonProperty("updated_at")]
    public string? UpdatedAt { get; set; }

    /// <summary>Some real list responses spell the field <c>update_at</c>; accept it without overriding <c>updated_at</c>.</summary>
    [JsonProperty("update_at", NullValueHandling = NullValueHandling.Ignore)]
    private string? UpdateAtMisspelled
    {
        get => null;
        set => UpdatedAt ??= value;
    }

    [JsonProperty("project_id")]
    public string? ProjectId { get; set; }

    [JsonProperty("domain_id")]
    public string? DomainId { get; set; }

    [JsonProperty("ports")]
    public List<PortMapping> Ports { get; set; } = [];

    [JsonProperty("tcp_proxy")]
    public string? TcpProxy { get; set; }

    [JsonProperty("tags")]
    public List<ResourceTag> Tags { get; set; } = [];

    [JsonProperty("description")]
    public string? Description { get; set; }

    [JsonProperty("connection_count")]
    public int ConnectionCount { get; set; }

    [JsonProperty("error")]
    public List<ServiceError> Errors { get; set; } = [];
}
