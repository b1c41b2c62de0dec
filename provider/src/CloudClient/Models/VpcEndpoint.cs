using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>A VPC endpoint (the consumer side of a service).</summary>
public sealed class VpcEndpoint
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("service_type")]
    public string? ServiceType { get; set; }

    /// <summary><c>creating</c>, <c>pendingAcceptance</c>, <c>accepted</c>, <c>rejected</c>, <c>failed</c> or <c>deleting</c>.</summary>
    [JsonProperty("status")]
    public string? Status { get; set; }

    [JsonProperty("active_status")]
    public List<string> ActiveStatus { get; set; } = [];

    [JsonProperty("endpoint_service_name")]
    public string? EndpointServiceName { get; set; }

    [JsonProperty("endpoint_service_id")]
    public string? EndpointServiceId { get; set; }

    /// <summary>The endpoint's connection id as the service owner sees it: the JSON number's digits (up to 18, more than a double holds).</summary>
    [JsonProperty("marker_id")]
    [JsonConverter(typeof(ExactIntegerConverter))]
    public string? MarkerId { get; set; }

    [JsonProperty("enable_dns")]
    public bool EnableDns { get; set; }

    [JsonProperty("dns_names")]
    public List<string> DnsNames { get; set; } = [];

    /// <summary>The endpoint's private IP, filled once the endpoint is accepted.</summary>
    [JsonProperty("ip")]
    public string? Ip { get; set; }

    [JsonProperty("subnet_id")]
    public string? SubnetId { get; set; }

    [JsonProperty("vpc_id")]
    public string? VpcId { get; set; }

    [JsonProperty("created_at")]
    public string? CreatedAt { get; set; }

    [JsonProperty("updated_at")]
    public string? UpdatedAt { get; set; }

    [JsonProperty("project_id")]
    public string? ProjectId { get; set; }

    [JsonProperty("tags")]
    public List<ResourceTag> Tags { get; set; } = [];

    [JsonProperty("whitelist")]
    public List<string> Whitelist { get; set; } = [];

    [JsonProperty("enable_whitelist")]
    public bool EnableWhitelist { get; set; }

    [JsonProperty("routetables")]
    public List<string> RouteTables { get; set; } = [];

    [JsonProperty("specification_name")]
    public string? SpecificationName { get; set; }

    [JsonProperty("enable_status")]
    public string? EnableStatus { get; set; }

    [JsonProperty("description")]
    public string? Description { get; set; }

    /// <summary>Gateway endpoints: the policy (the cloud's default when none was given); absent for interface endpoints.</summary>
    [JsonProperty("policy_statement")]
    public List<PolicyStatement>? PolicyStatement { get; set; }

    [JsonProperty("error")]
    public List<ServiceError> Errors { get; set; } = [];
}
