using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.Provider.Resources.VpcEndpoint;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using WireEndpoint = Otc.CloudClient.VpcEndpoint;

namespace Otc.Provider.Functions;

/// <summary>
/// <c>otc:vpcep:getVpcEndpoints</c>: the configured project's VPC endpoints, every page of them, optionally only those
/// whose service name contains <c>serviceName</c> (case-insensitive, as the API matches), in <c>vpcId</c>, or with <c>id</c>.
/// </summary>
public sealed class GetVpcEndpointsFunction(OtcClientProvider clients) : IFunctionHandler<GetVpcEndpointsArgs, GetVpcEndpointsResult>
{
    public const string FunctionToken = "otc:vpcep:getVpcEndpoints";

    public string Token => FunctionToken;

    public Task<FunctionResult<GetVpcEndpointsResult>> InvokeAsync(GetVpcEndpointsArgs args, CancellationToken cancellationToken)
    {
        var arguments = new FunctionArguments();
        var query = new EndpointListQuery
        {
            ServiceName = FunctionArguments.Text(args.ServiceName),
            VpcId = arguments.Id(args.VpcId, "vpcId"),
            Id = arguments.Id(args.Id, "id"),
        };
        return arguments.ThenAsync(async () =>
        {
            var client = clients.Client;
            var endpoints = await client.ListEndpointsAsync(query, cancellationToken).ConfigureAwait(false);
            return new GetVpcEndpointsResult
            {
                ServiceName = args.ServiceName,
                VpcId = args.VpcId,
                Id = args.Id,
                Endpoints = InputList<EndpointInfo>.Of(endpoints.Select(endpoint => EndpointInfo.From(endpoint, client.Region))),
            };
        });
    }
}

/// <summary>The arguments of <c>getVpcEndpoints</c>: filters, each optional.</summary>
public sealed record GetVpcEndpointsArgs : IPropertyModel<GetVpcEndpointsArgs>
{
    public Input<string> ServiceName { get; init; }

    public Input<string> VpcId { get; init; }

    public Input<string> Id { get; init; }

    public static PropertyTable<GetVpcEndpointsArgs> Properties { get; } = new PropertyTable<GetVpcEndpointsArgs>()
        .Add("serviceName", Codec.String, a => a.ServiceName, (a, v) => a with { ServiceName = v })
        .Add("vpcId", Codec.String, a => a.VpcId, (a, v) => a with { VpcId = v })
        .Add("id", Codec.String, a => a.Id, (a, v) => a with { Id = v });
}

/// <summary>The result of <c>getVpcEndpoints</c>: the filters as given, and the endpoints found.</summary>
public sealed record GetVpcEndpointsResult : IPropertyModel<GetVpcEndpointsResult>
{
    public Input<string> ServiceName { get; init; }

    public Input<string> VpcId { get; init; }

    public Input<string> Id { get; init; }

    public Input<InputList<EndpointInfo>> Endpoints { get; init; }

    public static PropertyTable<GetVpcEndpointsResult> Properties { get; } = new PropertyTable<GetVpcEndpointsResult>()
        .Add("serviceName", Codec.String, r => r.ServiceName, (r, v) => r with { ServiceName = v })
        .Add("vpcId", Codec.String, r => r.VpcId, (r, v) => r with { VpcId = v })
        .Add("id", Codec.String, r => r.Id, (r, v) => r with { Id = v })
        .Add("endpoints", Codec.ListOf(Codec.Object<EndpointInfo>("getVpcEndpointsEndpoint")), r => r.Endpoints, (r, v) => r with { Endpoints = v }, PropertyFlags.Required);
}

/// <summary>One VPC endpoint (<c>otc:vpcep:getVpcEndpointsEndpoint</c>), with the fields the list API documents.</summary>
public sealed record EndpointInfo : IPropertyModel<EndpointInfo>
{
    public Input<string> Id { get; init; }

    public Input<string> ServiceId { get; init; }

    public Input<string> ServiceName { get; init; }

    public Input<string> ServiceType { get; init; }

    public Input<string> Status { get; init; }

    public Input<InputList<string>> ActiveStatus { get; init; }

    public Input<string> EnableStatus { get; init; }

    public Input<string> SpecificationName { get; init; }

    public Input<string> MarkerId { get; init; }

    public Input<string> VpcId { get; init; }

    public Input<string> SubnetId { get; init; }

    public Input<string> Ip { get; init; }

    public Input<bool> EnableDns { get; init; }

    public Input<InputList<string>> DnsNames { get; init; }

    public Input<bool> EnableWhitelist { get; init; }

    public Input<InputList<string>> Whitelist { get; init; }

    public Input<InputList<string>> RouteTables { get; init; }

    public Input<string> Description { get; init; }

    public Input<InputMap<string>> Tags { get; init; }

    public Input<string> ProjectId { get; init; }

    public Input<string> CreatedAt { get; init; }

    public Input<string> UpdatedAt { get; init; }

    public static PropertyTable<EndpointInfo> Properties { get; } = new PropertyTable<EndpointInfo>()
        .Add("id", Codec.String, e => e.Id, (e, v) => e with { Id = v }, PropertyFlags.Required)
        .Add("serviceId", Codec.String, e => e.ServiceId, (e, v) => e with { ServiceId = v })
        .Add("serviceName", Codec.String, e => e.ServiceName, (e, v) => e with { ServiceName = v })
        .Add("serviceType", Codec.String, e => e.ServiceType, (e, v) => e with { ServiceType = v })
        .Add("status", Codec.String, e => e.Status, (e, v) => e with { Status = v })
        .Add("activeStatus", Codec.ListOf(Codec.String), e => e.ActiveStatus, (e, v) => e with { ActiveStatus = v })
        .Add("enableStatus", Codec.String, e => e.EnableStatus, (e, v) => e with { EnableStatus = v })
        .Add("specificationName", Codec.String, e => e.SpecificationName, (e, v) => e with { SpecificationName = v })
        .Add("markerId", DigitsCodec.Instance, e => e.MarkerId, (e, v) => e with { MarkerId = v })
        .Add("vpcId", Codec.String, e => e.VpcId, (e, v) => e with { VpcId = v })
        .Add("subnetId", Codec.String, e => e.SubnetId, (e, v) => e with { SubnetId = v })
        .Add("ip", Codec.String, e => e.Ip, (e, v) => e with { Ip = v })
        .Add("enableDns", Codec.Boolean, e => e.EnableDns, (e, v) => e with { EnableDns = v })
        .Add("dnsNames", Codec.ListOf(Codec.String), e => e.DnsNames, (e, v) => e with { DnsNames = v })
        .Add("enableWhitelist", Codec.Boolean, e => e.EnableWhitelist, (e, v) => e with { EnableWhitelist = v })
        .Add("whitelist", Codec.ListOf(Codec.String), e => e.Whitelist, (e, v) => e with { Whitelist = v })
        .Add("routeTables", Codec.ListOf(Codec.String), e => e.RouteTables, (e, v) => e with { RouteTables = v })
        .Add("description", Codec.String, e => e.Description, (e, v) => e with { Description = v })
        .Add("tags", Codec.MapOf(Codec.String), e => e.Tags, (e, v) => e with { Tags = v })
        .Add("projectId", Codec.String, e => e.ProjectId, (e, v) => e with { ProjectId = v })
        .Add("createdAt", Codec.String, e => e.CreatedAt, (e, v) => e with { CreatedAt = v })
        .Add("updatedAt", Codec.String, e => e.UpdatedAt, (e, v) => e with { UpdatedAt = v });

    /// <summary>The endpoint as the resource's state would show it (full service name, tags as a map), plus the list API's status fields.</summary>
    public static EndpointInfo From(WireEndpoint endpoint, string region)
    {
        var state = EndpointMapper.ToState(endpoint, preferred: null, region);
        var settings = state.Settings;
        return new EndpointInfo
        {
            Id = endpoint.Id,
            ServiceId = settings.ServiceId,
            ServiceName = state.ServiceName,
            ServiceType = state.ServiceType,
            Status = state.Status,
            ActiveStatus = InputList<string>.Of(endpoint.ActiveStatus),
            EnableStatus = endpoint.EnableStatus,
            SpecificationName = endpoint.SpecificationName,
            MarkerId = state.MarkerId,
            VpcId = settings.VpcId,
            SubnetId = settings.SubnetId,
            Ip = state.Ip,
            EnableDns = settings.EnableDns,
            DnsNames = state.DnsNames,
            EnableWhitelist = settings.EnableWhitelist,
            Whitelist = settings.Whitelist,
            RouteTables = settings.RouteTables,
            Description = settings.Description,
            Tags = settings.Tags,
            ProjectId = state.ProjectId,
            CreatedAt = state.CreatedAt,
            UpdatedAt = state.UpdatedAt,
        };
    }
}
