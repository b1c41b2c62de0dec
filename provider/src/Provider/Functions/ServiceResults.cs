using Otc.CloudClient;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Models;
using PortMapping = Otc.Provider.Resources.VpcEndpointService.PortMapping;

namespace Otc.Provider.Functions;

// A service as the functions answer it: getVpcEndpointService's result and getVpcEndpointServices' items. Both take the
// service's settings from the resource's own state mapping (ServiceMapper.ToState), so a setting the service gains is
// answered here, in one file, besides the resource's model.

/// <summary>
/// The result of <c>getVpcEndpointService</c>: what the describe API answers to any account, and, for a service of the
/// configured project, its details as the resource's state shows them.
/// </summary>
public sealed record GetVpcEndpointServiceResult : IPropertyModel<GetVpcEndpointServiceResult>
{
    public Input<string> Id { get; init; }

    public Input<string> FullServiceName { get; init; }

    public Input<string> ServiceName { get; init; }

    public Input<string> ServiceType { get; init; }

    public Input<string> CreatedAt { get; init; }

    public Input<bool> IsCharge { get; init; }

    public Input<string> Status { get; init; }

    public Input<bool> ApprovalEnabled { get; init; }

    public Input<InputList<PortMapping>> Ports { get; init; }

    public Input<string> ServerType { get; init; }

    public Input<string> VpcId { get; init; }

    public Input<string> PortId { get; init; }

    public Input<string> PoolId { get; init; }

    public Input<string> TcpProxy { get; init; }

    public Input<string> Description { get; init; }

    public Input<InputMap<string>> Tags { get; init; }

    public Input<string> ProjectId { get; init; }

    public Input<string> UpdatedAt { get; init; }

    public static PropertyTable<GetVpcEndpointServiceResult> Properties { get; } = new PropertyTable<GetVpcEndpointServiceResult>()
        .Add("id", Codec.String, r => r.Id, (r, v) => r with { Id = v }, PropertyFlags.Required)
        .Add("fullServiceName", Codec.String, r => r.FullServiceName, (r, v) => r with { FullServiceName = v }, PropertyFlags.Required)
        .Add("serviceName", Codec.String, r => r.ServiceName, (r, v) => r with { ServiceName = v })
        .Add("serviceType", Codec.String, r => r.ServiceType, (r, v) => r with { ServiceType = v }, PropertyFlags.Required)
        .Add("createdAt", Codec.String, r => r.CreatedAt, (r, v) => r with { CreatedAt = v })
        .Add("isCharge", Codec.Boolean, r => r.IsCharge, (r, v) => r with { IsCharge = v }, PropertyFlags.Required)
        .Add("status", Codec.String, r => r.Status, (r, v) => r with { Status = v })
        .Add("approvalEnabled", Codec.Boolean, r => r.ApprovalEnabled, (r, v) => r with { ApprovalEnabled = v })
        .Add("ports", Codec.ListOf(Codec.Object<PortMapping>(PortMapping.TypeName)), r => r.Ports, (r, v) => r with { Ports = v })
        .Add("serverType", Codec.String, r => r.ServerType, (r, v) => r with { ServerType = v })
        .Add("vpcId", Codec.String, r => r.VpcId, (r, v) => r with { VpcId = v })
        .Add("portId", Codec.String, r => r.PortId, (r, v) => r with { PortId = v })
        .Add("poolId", Codec.String, r => r.PoolId, (r, v) => r with { PoolId = v })
        .Add("tcpProxy", Codec.String, r => r.TcpProxy, (r, v) => r with { TcpProxy = v })
        .Add("description", Codec.String, r => r.Description, (r, v) => r with { Description = v })
        .Add("tags", Codec.MapOf(Codec.String), r => r.Tags, (r, v) => r with { Tags = v })
        .Add("projectId", Codec.String, r => r.ProjectId, (r, v) => r with { ProjectId = v })
        .Add("updatedAt", Codec.String, r => r.UpdatedAt, (r, v) => r with { UpdatedAt = v });

    /// <summary>The result for <paramref name="info"/>, with the details of <paramref name="service"/> when the project owns it.</summary>
    public static GetVpcEndpointServiceResult Of(ServiceBasicInfo info, EndpointService? service, string region)
    {
        var answeredName = service?.ServiceName ?? info.ServiceName;
        var fullName = ServiceNames.FullName(answeredName, info.Id, region);
        var result = new GetVpcEndpointServiceResult
        {
            Id = info.Id,
            FullServiceName = fullName,
            ServiceName = fullName.EndsWith("." + info.Id, StringComparison.Ordinal) ? ServiceNames.ShortName(answeredName, info.Id) : null,
            ServiceType = info.ServiceType,
            CreatedAt = info.CreatedAt,
            IsCharge = info.IsCharge,
        };
        if (service is null)
        {
            return result;
        }

        var state = ServiceMapper.ToState(service, [], preferred: null, region);
        var settings = state.Settings;
        return result with
        {
            Status = state.Status,
            ApprovalEnabled = settings.ApprovalEnabled,
            Ports = settings.Ports,
            ServerType = settings.ServerType,
            VpcId = settings.VpcId,
            PortId = settings.PortId,
            PoolId = settings.PoolId,
            TcpProxy = settings.TcpProxy,
            Description = settings.Description,
            Tags = settings.Tags,
            ProjectId = state.ProjectId,
            UpdatedAt = state.UpdatedAt,
        };
    }
}

/// <summary>One VPC endpoint service of the project (<c>otc:vpcep:getVpcEndpointServicesService</c>), with the fields the list API documents.</summary>
public sealed record ServiceInfo : IPropertyModel<ServiceInfo>
{
    public Input<string> Id { get; init; }

    public Input<string> FullServiceName { get; init; }

    public Input<string> ServiceName { get; init; }

    public Input<string> ServiceType { get; init; }

    public Input<string> Status { get; init; }

    public Input<bool> ApprovalEnabled { get; init; }

    public Input<InputList<PortMapping>> Ports { get; init; }

    public Input<string> ServerType { get; init; }

    public Input<string> VpcId { get; init; }

    public Input<string> PortId { get; init; }

    public Input<string> PoolId { get; init; }

    public Input<string> TcpProxy { get; init; }

    public Input<string> Description { get; init; }

    public Input<InputMap<string>> Tags { get; init; }

    public Input<long> ConnectionCount { get; init; }

    public Input<string> ProjectId { get; init; }

    public Input<string> DomainId { get; init; }

    public Input<string> CreatedAt { get; init; }

    public Input<string> UpdatedAt { get; init; }

    public static PropertyTable<ServiceInfo> Properties { get; } = new PropertyTable<ServiceInfo>()
        .Add("id", Codec.String, s => s.Id, (s, v) => s with { Id = v }, PropertyFlags.Required)
        .Add("fullServiceName", Codec.String, s => s.FullServiceName, (s, v) => s with { FullServiceName = v }, PropertyFlags.Required)
        .Add("serviceName", Codec.String, s => s.ServiceName, (s, v) => s with { ServiceName = v })
        .Add("serviceType", Codec.String, s => s.ServiceType, (s, v) => s with { ServiceType = v })
        .Add("status", Codec.String, s => s.Status, (s, v) => s with { Status = v })
        .Add("approvalEnabled", Codec.Boolean, s => s.ApprovalEnabled, (s, v) => s with { ApprovalEnabled = v })
        .Add("ports", Codec.ListOf(Codec.Object<PortMapping>(PortMapping.TypeName)), s => s.Ports, (s, v) => s with { Ports = v })
        .Add("serverType", Codec.String, s => s.ServerType, (s, v) => s with { ServerType = v })
        .Add("vpcId", Codec.String, s => s.VpcId, (s, v) => s with { VpcId = v })
        .Add("portId", Codec.String, s => s.PortId, (s, v) => s with { PortId = v })
        .Add("poolId", Codec.String, s => s.PoolId, (s, v) => s with { PoolId = v })
        .Add("tcpProxy", Codec.String, s => s.TcpProxy, (s, v) => s with { TcpProxy = v })
        .Add("description", Codec.String, s => s.Description, (s, v) => s with { Description = v })
        .Add("tags", Codec.MapOf(Codec.String), s => s.Tags, (s, v) => s with { Tags = v })
        .Add("connectionCount", Codec.Integer, s => s.ConnectionCount, (s, v) => s with { ConnectionCount = v })
        .Add("projectId", Codec.String, s => s.ProjectId, (s, v) => s with { ProjectId = v })
        .Add("domainId", Codec.String, s => s.DomainId, (s, v) => s with { DomainId = v })
        .Add("createdAt", Codec.String, s => s.CreatedAt, (s, v) => s with { CreatedAt = v })
        .Add("updatedAt", Codec.String, s => s.UpdatedAt, (s, v) => s with { UpdatedAt = v });

    /// <summary>The service as the resource's state would show it (full and short name, ports, tags as a map), plus the list API's counts.</summary>
    public static ServiceInfo From(EndpointService service, string region)
    {
        var state = ServiceMapper.ToState(service, [], preferred: null, region);
        var settings = state.Settings;
        return new ServiceInfo
        {
            Id = service.Id,
            FullServiceName = state.FullServiceName,
            ServiceName = settings.ServiceName,
            ServiceType = settings.ServiceType,
            Status = state.Status,
            ApprovalEnabled = settings.ApprovalEnabled,
            Ports = settings.Ports,
            ServerType = settings.ServerType,
            VpcId = settings.VpcId,
            PortId = settings.PortId,
            PoolId = settings.PoolId,
            TcpProxy = settings.TcpProxy,
            Description = settings.Description,
            Tags = settings.Tags,
            ConnectionCount = (long)service.ConnectionCount,
            ProjectId = state.ProjectId,
            DomainId = service.DomainId,
            CreatedAt = state.CreatedAt,
            UpdatedAt = state.UpdatedAt,
        };
    }
}
