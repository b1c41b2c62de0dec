using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>Body of <c>POST vpc-endpoints</c>. Null fields are left out.</summary>
public sealed class CreateEndpointRequest
{
    [JsonProperty("endpoint_service_id")]
    public required string EndpointServiceId { get; init; }

    [JsonProperty("vpc_id")]
    public required string VpcId { get; init; }

    /// <summary>Required for interface services.</summary>
    [JsonProperty("subnet_id")]
    public string? SubnetId { get; init; }

    [JsonProperty("enable_dns")]
    public bool? EnableDns { get; init; }

    [JsonProperty("tags")]
    public List<ResourceTag>? Tags { get; init; }

    [JsonProperty("routetables")]
    public List<string>? RouteTables { get; init; }

    [JsonProperty("port_ip")]
    public string? PortIp { get; init; }

    [JsonProperty("whitelist")]
    public List<string>? Whitelist { get; init; }

    [JsonProperty("enable_whitelist")]
    public bool? EnableWhitelist { get; init; }

    [JsonProperty("specification_name")]
    public string? SpecificationName { get; init; }

    [JsonProperty("description")]
    public string? Description { get; init; }

    /// <summary>Gateway endpoints only: 0-10 statements; the cloud's default allows every OBS action.</summary>
    [JsonProperty("policy_statement")]
    public List<PolicyStatement>? PolicyStatement { get; init; }
}
