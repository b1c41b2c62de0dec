using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using PortMapping = Otc.Provider.Resources.VpcEndpointService.PortMapping;

namespace Otc.Provider.Functions;

/// <summary>
/// <c>otc:vpcep:getVpcEndpointService</c>: finds a VPC endpoint service by id or by its full name, the name consumers
/// in other accounts know. The describe API answers across accounts (id, name, type, creation time, charging); for a
/// service of the configured project the details (status, ports, approval, ...) are added from the service itself.
/// </summary>
public sealed class GetVpcEndpointServiceFunction(OtcClientProvider clients) : IFunctionHandler<GetVpcEndpointServiceArgs, GetVpcEndpointServiceResult>
{
    public const string FunctionToken = "otc:vpcep:getVpcEndpointService";

    public string Token => FunctionToken;

    public async Task<FunctionResult<GetVpcEndpointServiceResult>> InvokeAsync(GetVpcEndpointServiceArgs args, CancellationToken cancellationToken)
    {
        var id = args.Id.ValueOrDefault is { Length: > 0 } idText ? idText : null;
        var name = args.Name.ValueOrDefault is { Length: > 0 } nameText ? nameText : null;
        if ((id is null) == (name is null))
        {
            return FunctionResult<GetVpcEndpointServiceResult>.Failed(
                new CheckFailure(id is null ? "id" : "name", "give exactly one of 'id' and 'name' (the full name, {region}.{name}.{id})"));
        }

        var client = clients.Client;
        ServiceBasicInfo info;
        try
        {
            info = await client.DescribeServiceAsync(name, id, cancellationToken).ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (exception.IsNotFound)
        {
            throw FunctionArguments.NotFound(exception, $"VPC endpoint service {(name is null ? "with id " + id : "named " + name)}");
        }

        // The details are readable only for the configured project's own services; another account's service is not an error.
        var service = await OwnServiceOrNullAsync(client, info.Id, cancellationToken).ConfigureAwait(false);
        return FunctionResult<GetVpcEndpointServiceResult>.Of(GetVpcEndpointServiceResult.Of(info, service, client.Region));
    }

    private static async Task<EndpointService?> OwnServiceOrNullAsync(IVpcepClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetServiceAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (exception.IsNotFound || exception.HttpStatus == 403)
        {
            return null;
        }
    }
}

/// <summary>The arguments of <c>getVpcEndpointService</c>: exactly one of the id and the full name.</summary>
public sealed record GetVpcEndpointServiceArgs : IPropertyModel<GetVpcEndpointServiceArgs>
{
    public Input<string> Id { get; init; }

    public Input<string> Name { get; init; }

    public static PropertyTable<GetVpcEndpointServiceArgs> Properties { get; } = new PropertyTable<GetVpcEndpointServiceArgs>()
        .Add("id", Codec.String, a => a.Id, (a, v) => a with { Id = v })
        .Add("name", Codec.String, a => a.Name, (a, v) => a with { Name = v });
}

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
