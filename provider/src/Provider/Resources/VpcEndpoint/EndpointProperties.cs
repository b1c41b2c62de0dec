namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>The Pulumi property names of <c>otc:vpcep:VpcEndpoint</c>, in one place (they must match schema.json).</summary>
internal static class EndpointProperties
{
    public const string ServiceId = "serviceId";
    public const string VpcId = "vpcId";
    public const string SubnetId = "subnetId";
    public const string PortIp = "portIp";
    public const string EnableDns = "enableDns";
    public const string EnableWhitelist = "enableWhitelist";
    public const string Whitelist = "whitelist";
    public const string RouteTables = "routeTables";
    public const string Description = "description";
    public const string Tags = "tags";

    public const string Status = "status";
    public const string Ip = "ip";
    public const string DnsNames = "dnsNames";
    public const string MarkerId = "markerId";
    public const string ServiceName = "serviceName";
    public const string ServiceType = "serviceType";
    public const string ProjectId = "projectId";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";

    /// <summary>Every input, in schema order.</summary>
    public static readonly IReadOnlyList<string> Inputs =
    [
        ServiceId, VpcId, SubnetId, PortIp, EnableDns, EnableWhitelist, Whitelist, RouteTables, Description, Tags,
    ];

    public static readonly IReadOnlySet<string> InputSet = new HashSet<string>(Inputs, StringComparer.Ordinal);

    /// <summary>
    /// Filled in by the cloud when the program leaves them out: the endpoint's IP (<c>port_ip</c> becomes the answered
    /// <c>ip</c>) and, for gateway endpoints, the VPC's route table ("if you do not specify this parameter, the route
    /// table ID of the VPC is returned").
    /// </summary>
    public static readonly IReadOnlySet<string> OptionalComputed = new HashSet<string>([PortIp, RouteTables], StringComparer.Ordinal);
}
