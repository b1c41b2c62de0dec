using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using PortMapping = Otc.Provider.Resources.VpcEndpointService.PortMapping;

namespace Otc.Provider.Functions;

/// <summary>
/// <c>otc:vpcep:getVpcEndpointServices</c>: the configured project's VPC endpoint services, every page of them,
/// optionally only those whose full name contains <c>name</c> (case-insensitive, as the API matches), in <c>status</c>,
/// or with <c>id</c>.
/// </summary>
public sealed class GetVpcEndpointServicesFunction(OtcClientProvider clients) : IFunctionHandler<GetVpcEndpointServicesArgs, GetVpcEndpointServicesResult>
{
    public const string FunctionToken = "otc:vpcep:getVpcEndpointServices";

    /// <summary>The values the list page documents for its <c>status</c> filter.</summary>
    public static readonly IReadOnlyList<string> Statuses = [ServiceStatus.Creating, ServiceStatus.Available, ServiceStatus.Failed, ServiceStatus.Deleting];

    private static readonly Vocabulary StatusFilter = new([.. Statuses]);

    public string Token => FunctionToken;

    public Task<FunctionResult<GetVpcEndpointServicesResult>> InvokeAsync(GetVpcEndpointServicesArgs args, CancellationToken cancellationToken)
    {
        var arguments = new FunctionArguments();
        var query = new ServiceListQuery
        {
            Name = FunctionArguments.Text(args.Name),
            Status = arguments.OneOf(args.Status, "status", StatusFilter),
            Id = arguments.Id(args.Id, "id"),
        };
        return arguments.ThenAsync(async () =>
        {
            var client = clients.Client;
            var services = await client.ListServicesAsync(query, cancellationToken).ConfigureAwait(false);
            return new GetVpcEndpointServicesResult
            {
                Name = args.Name,
                Status = args.Status.Select(StatusFilter.CanonicalOrSelf),
                Id = args.Id,
                Services = InputList<ServiceInfo>.Of(services.Select(service => ServiceInfo.From(service, client.Region))),
            };
        });
    }
}

/// <summary>The arguments of <c>getVpcEndpointServices</c>: filters, each optional.</summary>
public sealed record GetVpcEndpointServicesArgs : IPropertyModel<GetVpcEndpointServicesArgs>
{
    public Input<string> Name { get; init; }

    public Input<string> Status { get; init; }

    public Input<string> Id { get; init; }

    public static PropertyTable<GetVpcEndpointServicesArgs> Properties { get; } = new PropertyTable<GetVpcEndpointServicesArgs>()
        .Add("name", Codec.String, a => a.Name, (a, v) => a with { Name = v })
        .Add("status", Codec.String, a => a.Status, (a, v) => a with { Status = v })
        .Add("id", Codec.String, a => a.Id, (a, v) => a with { Id = v });
}

/// <summary>The result of <c>getVpcEndpointServices</c>: the filters (the status in the API's spelling), and the services found.</summary>
public sealed record GetVpcEndpointServicesResult : IPropertyModel<GetVpcEndpointServicesResult>
{
    public Input<string> Name { get; init; }

    public Input<string> Status { get; init; }

    public Input<string> Id { get; init; }

    public Input<InputList<ServiceInfo>> Services { get; init; }

    public static PropertyTable<GetVpcEndpointServicesResult> Properties { get; } = new PropertyTable<GetVpcEndpointServicesResult>()
        .Add("name", Codec.String, r => r.Name, (r, v) => r with { Name = v })
        .Add("status", Codec.String, r => r.Status, (r, v) => r with { Status = v })
        .Add("id", Codec.String, r => r.Id, (r, v) => r with { Id = v })
        .Add("services", Codec.ListOf(Codec.Object<ServiceInfo>("getVpcEndpointServicesService")), r => r.Services, (r, v) => r with { Services = v }, PropertyFlags.Required);
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
