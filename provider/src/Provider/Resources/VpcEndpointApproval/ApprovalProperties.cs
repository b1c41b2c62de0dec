namespace Otc.Provider.Resources.VpcEndpointApproval;

/// <summary>The Pulumi property names of <c>otc:vpcep:VpcEndpointApproval</c> (they must match schema.json).</summary>
internal static class ApprovalProperties
{
    public const string ServiceId = "serviceId";
    public const string EndpointIds = "endpointIds";
    public const string Connections = "connections";

    public const string EndpointId = "endpointId";
    public const string MarkerId = "markerId";
    public const string DomainId = "domainId";
    public const string Status = "status";
    public const string Description = "description";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";

    public static readonly IReadOnlySet<string> InputSet = new HashSet<string>([ServiceId, EndpointIds], StringComparer.Ordinal);
}
