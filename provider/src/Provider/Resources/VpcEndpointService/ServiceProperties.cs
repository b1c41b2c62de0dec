namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>The Pulumi property names of <c>otc:vpcep:VpcEndpointService</c>, in one place (they must match schema.json).</summary>
internal static class ServiceProperties
{
    public const string PortId = "portId";
    public const string VpcId = "vpcId";
    public const string ServerType = "serverType";
    public const string ServiceType = "serviceType";
    public const string PoolId = "poolId";
    public const string ServiceName = "serviceName";
    public const string ApprovalEnabled = "approvalEnabled";
    public const string Ports = "ports";
    public const string TcpProxy = "tcpProxy";
    public const string Description = "description";
    public const string Tags = "tags";
    public const string Permissions = "permissions";

    public const string ClientPort = "clientPort";
    public const string ServerPort = "serverPort";
    public const string Protocol = "protocol";

    public const string Status = "status";
    public const string FullServiceName = "fullServiceName";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string ProjectId = "projectId";

    /// <summary>Every input, in schema order.</summary>
    public static readonly IReadOnlyList<string> Inputs =
    [
        PortId, VpcId, ServerType, ServiceType, PoolId, ServiceName, ApprovalEnabled, Ports, TcpProxy, Description, Tags, Permissions,
    ];

    public static readonly IReadOnlySet<string> InputSet = new HashSet<string>(Inputs, StringComparer.Ordinal);

    /// <summary>
    /// Optional inputs the cloud fills in when the program leaves them out: the API reference's create example sends no
    /// pool_id and answers one.
    /// </summary>
    public static readonly IReadOnlySet<string> OptionalComputed = new HashSet<string>([PoolId], StringComparer.Ordinal);
}
