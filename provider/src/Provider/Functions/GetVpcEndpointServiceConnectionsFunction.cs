using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Functions;

/// <summary>
/// <c>otc:vpcep:getVpcEndpointServiceConnections</c>: who is connected to a service of the configured project, every
/// page of the connections, optionally only those in <c>status</c> or with <c>markerId</c>.
/// </summary>
public sealed class GetVpcEndpointServiceConnectionsFunction(OtcClientProvider clients)
    : IFunctionHandler<GetVpcEndpointServiceConnectionsArgs, GetVpcEndpointServiceConnectionsResult>
{
    public const string FunctionToken = "otc:vpcep:getVpcEndpointServiceConnections";

    /// <summary>The values the connections page documents for its <c>status</c> filter (answers also show <c>creating</c> and <c>deleting</c>).</summary>
    public static readonly IReadOnlyList<string> Statuses = [EndpointStatus.PendingAcceptance, EndpointStatus.Accepted, EndpointStatus.Rejected, EndpointStatus.Failed];

    private static readonly Vocabulary StatusFilter = new([.. Statuses]);

    public string Token => FunctionToken;

    public Task<FunctionResult<GetVpcEndpointServiceConnectionsResult>> InvokeAsync(GetVpcEndpointServiceConnectionsArgs args, CancellationToken cancellationToken)
    {
        var arguments = new FunctionArguments();
        var serviceId = arguments.RequiredId(args.ServiceId, "serviceId", "a VPC endpoint service of the configured project");
        var query = new ConnectionListQuery
        {
            Status = arguments.OneOf(args.Status, "status", StatusFilter),
            MarkerId = arguments.Digits(args.MarkerId, "markerId"),
        };
        return arguments.ThenAsync(async () =>
        {
            IReadOnlyList<ServiceConnection> connections;
            try
            {
                connections = await clients.Client.ListConnectionsAsync(serviceId, query, cancellationToken).ConfigureAwait(false);
            }
            catch (OtcApiException exception) when (exception.IsNotFound)
            {
                throw FunctionArguments.NotFound(exception, $"VPC endpoint service with id {serviceId} in the configured project");
            }

            return new GetVpcEndpointServiceConnectionsResult
            {
                ServiceId = args.ServiceId,
                Status = args.Status.Select(StatusFilter.CanonicalOrSelf),
                MarkerId = args.MarkerId,
                Connections = InputList<ConnectionInfo>.Of(connections.Select(ConnectionInfo.From)),
            };
        });
    }
}

/// <summary>The arguments of <c>getVpcEndpointServiceConnections</c>: the service, and optional filters.</summary>
public sealed record GetVpcEndpointServiceConnectionsArgs : IPropertyModel<GetVpcEndpointServiceConnectionsArgs>
{
    public Input<string> ServiceId { get; init; }

    public Input<string> Status { get; init; }

    public Input<string> MarkerId { get; init; }

    public static PropertyTable<GetVpcEndpointServiceConnectionsArgs> Properties { get; } = new PropertyTable<GetVpcEndpointServiceConnectionsArgs>()
        .Add("serviceId", Codec.String, a => a.ServiceId, (a, v) => a with { ServiceId = v }, PropertyFlags.Required)
        .Add("status", Codec.String, a => a.Status, (a, v) => a with { Status = v })
        .Add("markerId", DigitsCodec.Instance, a => a.MarkerId, (a, v) => a with { MarkerId = v });
}

/// <summary>The result of <c>getVpcEndpointServiceConnections</c>: the arguments (the status in the API's spelling), and the connections found.</summary>
public sealed record GetVpcEndpointServiceConnectionsResult : IPropertyModel<GetVpcEndpointServiceConnectionsResult>
{
    public Input<string> ServiceId { get; init; }

    public Input<string> Status { get; init; }

    public Input<string> MarkerId { get; init; }

    public Input<InputList<ConnectionInfo>> Connections { get; init; }

    public static PropertyTable<GetVpcEndpointServiceConnectionsResult> Properties { get; } = new PropertyTable<GetVpcEndpointServiceConnectionsResult>()
        .Add("serviceId", Codec.String, r => r.ServiceId, (r, v) => r with { ServiceId = v }, PropertyFlags.Required)
        .Add("status", Codec.String, r => r.Status, (r, v) => r with { Status = v })
        .Add("markerId", DigitsCodec.Instance, r => r.MarkerId, (r, v) => r with { MarkerId = v })
        .Add("connections", Codec.ListOf(Codec.Object<ConnectionInfo>("getVpcEndpointServiceConnectionsConnection")), r => r.Connections, (r, v) => r with { Connections = v }, PropertyFlags.Required);
}

/// <summary>One endpoint's connection to the service (<c>otc:vpcep:getVpcEndpointServiceConnectionsConnection</c>), with the fields the API documents.</summary>
public sealed record ConnectionInfo : IPropertyModel<ConnectionInfo>
{
    public Input<string> EndpointId { get; init; }

    public Input<string> MarkerId { get; init; }

    public Input<string> DomainId { get; init; }

    public Input<string> Status { get; init; }

    public Input<string> CreatedAt { get; init; }

    public Input<string> UpdatedAt { get; init; }

    public static PropertyTable<ConnectionInfo> Properties { get; } = new PropertyTable<ConnectionInfo>()
        .Add("endpointId", Codec.String, c => c.EndpointId, (c, v) => c with { EndpointId = v }, PropertyFlags.Required)
        .Add("markerId", DigitsCodec.Instance, c => c.MarkerId, (c, v) => c with { MarkerId = v })
        .Add("domainId", Codec.String, c => c.DomainId, (c, v) => c with { DomainId = v })
        .Add("status", Codec.String, c => c.Status, (c, v) => c with { Status = v })
        .Add("createdAt", Codec.String, c => c.CreatedAt, (c, v) => c with { CreatedAt = v })
        .Add("updatedAt", Codec.String, c => c.UpdatedAt, (c, v) => c with { UpdatedAt = v });

    public static ConnectionInfo From(ServiceConnection connection) => new()
    {
        EndpointId = connection.Id,
        MarkerId = connection.MarkerId,
        DomainId = connection.DomainId,
        Status = connection.Status,
        CreatedAt = connection.CreatedAt,
        UpdatedAt = connection.UpdatedAt,
    };
}
