using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

// Response shapes, serialized snake_case; null members are left out.

internal sealed record PortView(int ClientPort, int ServerPort, string Protocol);

internal sealed record TagView(string Key, string Value);

internal sealed record ErrorView(string ErrorCode, string ErrorMessage);

internal sealed record ServiceView(
    string Id,
    string PortId,
    string? VipPortId,
    string? PoolId,
    string ServiceName,
    string ServiceType,
    string ServerType,
    string VpcId,
    bool ApprovalEnabled,
    string Status,
    string CreatedAt,
    string UpdatedAt,
    string ProjectId,
    string? DomainId,
    IReadOnlyList<PortView> Ports,
    string TcpProxy,
    IReadOnlyList<TagView> Tags,
    string? Description,
    int? ConnectionCount,
    IReadOnlyList<ErrorView>? Error)
{
    /// <summary>
    /// The detail form (create, get, modify); list items additionally carry domain_id and connection_count. Every
    /// documented field is present, empty rather than missing, as the documented examples show (description "").
    /// <paramref name="swiss"/>: eu-ch2's reference, which has <c>vip_port_id</c> (when given) and no <c>pool_id</c> or
    /// <c>description</c>.
    /// </summary>
    public static ServiceView Of(ServiceRecord service, string reportedName, bool swiss, int? connectionCount = null) => new(
        service.Id,
        service.PortId,
        swiss ? service.VipPortId : null,
        swiss ? null : service.PoolId ?? string.Empty,
        reportedName,
        service.ServiceType,
        service.ServerType,
        service.VpcId,
        service.ApprovalEnabled,
        service.Status,
        JsonWire.Timestamp(service.CreatedAt),
        JsonWire.Timestamp(service.UpdatedAt),
        service.ProjectId,
        connectionCount is null ? null : service.DomainId,
        [.. service.Ports.Select(port => new PortView(port.ClientPort, port.ServerPort, port.Protocol))],
        service.TcpProxy,
        [.. service.Tags.Select(tag => new TagView(tag.Key, tag.Value))],
        swiss ? null : service.Description ?? string.Empty,
        connectionCount,
        service.Errors.Count == 0 ? null : [.. service.Errors.Select(error => new ErrorView(error.ErrorCode, error.ErrorMessage))]);
}

/// <summary>OTC documents no description per connection (Huawei Cloud's API has one), so none is sent.</summary>
internal sealed record ConnectionView(
    string Id,
    long MarkerId,
    string CreatedAt,
    string UpdatedAt,
    string DomainId,
    string Status,
    IReadOnlyList<ErrorView>? Error)
{
    public static ConnectionView Of(EndpointRecord endpoint) => new(
        endpoint.Id,
        endpoint.MarkerId,
        JsonWire.Timestamp(endpoint.CreatedAt),
        JsonWire.Timestamp(endpoint.UpdatedAt),
        endpoint.DomainId,
        endpoint.Status,
        EndpointView.Errors(endpoint.Errors));
}

internal sealed record PermissionView(string Id, string Permission, string PermissionType, string Description, string CreatedAt)
{
    public static PermissionView Of(PermissionEntry entry, string reportedPermission) =>
        new(entry.Id, reportedPermission, "domainId", string.Empty, JsonWire.Timestamp(entry.CreatedAt));
}

internal sealed record EndpointView(
    string Id,
    string ServiceType,
    string Status,
    IReadOnlyList<string> ActiveStatus,
    string EndpointServiceName,
    long MarkerId,
    string EndpointServiceId,
    bool? EnableDns,
    IReadOnlyList<string>? DnsNames,
    string? Ip,
    string? SubnetId,
    string VpcId,
    string CreatedAt,
    string UpdatedAt,
    string ProjectId,
    IReadOnlyList<TagView> Tags,
    IReadOnlyList<string>? Whitelist,
    bool? EnableWhitelist,
    IReadOnlyList<string> Routetables,
    [property: System.Text.Json.Serialization.JsonPropertyName("policy_statement")] IReadOnlyList<PolicyStatement>? PolicyStatement,
    string? SpecificationName,
    string EnableStatus,
    string? Description,
    string? EndpointPoolId,
    IReadOnlyList<ErrorView>? Error)
{
    /// <summary>
    /// Every documented field the examples show, filled the way they show it (specification "default", description "").
    /// A gateway endpoint never has an <c>ip</c> or <c>dns_names</c> (the query page: interface endpoints only). With
    /// <paramref name="strict"/>, it also lacks the other fields that page calls "available only" for interface
    /// endpoints: <c>whitelist</c>, <c>enable_whitelist</c>, <c>subnet_id</c> and <c>enable_dns</c>. In eu-ch2, whose
    /// reference documents none of them, there is no <c>policy_statement</c>, <c>specification_name</c>,
    /// <c>description</c> or <c>endpoint_pool_id</c>.
    /// </summary>
    public static EndpointView Of(EndpointRecord endpoint, string region, string reportedServiceName, bool strict)
    {
        var gateway = endpoint.ServiceType == EndpointRules.Gateway;
        var interfaceOnly = !(gateway && strict);
        var swiss = RegionSurface.For(region).IsSwiss;
        return new(
            endpoint.Id,
            endpoint.ServiceType,
            endpoint.Status,
            ["active"],
            reportedServiceName,
            endpoint.MarkerId,
            endpoint.ServiceId,
            interfaceOnly ? endpoint.EnableDns : null,
            !gateway && endpoint.EnableDns && endpoint.Ip is not null ? [$"{endpoint.Id}.vpcep.{region}.emulator.internal"] : null,
            gateway ? null : endpoint.Ip,
            interfaceOnly ? endpoint.SubnetId : null,
            endpoint.VpcId,
            JsonWire.Timestamp(endpoint.CreatedAt),
            JsonWire.Timestamp(endpoint.UpdatedAt),
            endpoint.ProjectId,
            [.. endpoint.Tags.Select(tag => new TagView(tag.Key, tag.Value))],
            interfaceOnly ? endpoint.Whitelist : null,
            interfaceOnly ? endpoint.EnableWhitelist : null,
            endpoint.RouteTables,
            swiss ? null : endpoint.PolicyStatement,
            swiss ? null : endpoint.SpecificationName ?? "default",
            "enable",
            swiss ? null : endpoint.Description ?? string.Empty,
            swiss ? null : endpoint.EndpointPoolId ?? string.Empty,
            Errors(endpoint.Errors));
    }

    public static IReadOnlyList<ErrorView>? Errors(IReadOnlyList<ErrorDetail> errors) =>
        errors.Count == 0 ? null : [.. errors.Select(error => new ErrorView(error.ErrorCode, error.ErrorMessage))];
}
