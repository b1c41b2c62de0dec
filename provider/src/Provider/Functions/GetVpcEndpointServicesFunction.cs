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
