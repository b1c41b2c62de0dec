using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Functions;

/// <summary>
/// <c>otc:vpcep:getPublicServices</c>: the VPC endpoint services OTC itself offers to every account (e.g. OBS), every
/// page of them, optionally only those whose name contains <c>name</c> (case-insensitive, as the API matches).
/// </summary>
public sealed class GetPublicServicesFunction(OtcClientProvider clients) : IFunctionHandler<GetPublicServicesArgs, GetPublicServicesResult>
{
    public const string FunctionToken = "otc:vpcep:getPublicServices";

    public string Token => FunctionToken;

    public async Task<FunctionResult<GetPublicServicesResult>> InvokeAsync(GetPublicServicesArgs args, CancellationToken cancellationToken)
    {
        var name = args.Name.ValueOrDefault is { Length: > 0 } text ? text : null;
        var services = await clients.Client.ListPublicServicesAsync(name, cancellationToken).ConfigureAwait(false);
        return FunctionResult<GetPublicServicesResult>.Of(new GetPublicServicesResult
        {
            Name = name,
            Services = InputList<PublicServiceInfo>.Of(services.Select(PublicServiceInfo.From)),
        });
    }
}

/// <summary>The arguments of <c>getPublicServices</c>.</summary>
public sealed record GetPublicServicesArgs : IPropertyModel<GetPublicServicesArgs>
{
    public Input<string> Name { get; init; }

    public static PropertyTable<GetPublicServicesArgs> Properties { get; } = new PropertyTable<GetPublicServicesArgs>()
        .Add("name", Codec.String, a => a.Name, (a, v) => a with { Name = v });
}

/// <summary>The result of <c>getPublicServices</c>: the name filter as given, and the services found.</summary>
public sealed record GetPublicServicesResult : IPropertyModel<GetPublicServicesResult>
{
    public Input<string> Name { get; init; }

    public Input<InputList<PublicServiceInfo>> Services { get; init; }

    public static PropertyTable<GetPublicServicesResult> Properties { get; } = new PropertyTable<GetPublicServicesResult>()
        .Add("name", Codec.String, r => r.Name, (r, v) => r with { Name = v })
        .Add("services", Codec.ListOf(Codec.Object<PublicServiceInfo>("getPublicServicesService")), r => r.Services, (r, v) => r with { Services = v }, PropertyFlags.Required);
}

/// <summary>One public service (<c>otc:vpcep:getPublicServicesService</c>).</summary>
public sealed record PublicServiceInfo : IPropertyModel<PublicServiceInfo>
{
    public Input<string> Id { get; init; }

    public Input<string> Owner { get; init; }

    public Input<string> ServiceName { get; init; }

    public Input<string> ServiceType { get; init; }

    public Input<string> CreatedAt { get; init; }

    public Input<bool> IsCharge { get; init; }

    public static PropertyTable<PublicServiceInfo> Properties { get; } = new PropertyTable<PublicServiceInfo>()
        .Add("id", Codec.String, s => s.Id, (s, v) => s with { Id = v }, PropertyFlags.Required)
        .Add("owner", Codec.String, s => s.Owner, (s, v) => s with { Owner = v })
        .Add("serviceName", Codec.String, s => s.ServiceName, (s, v) => s with { ServiceName = v }, PropertyFlags.Required)
        .Add("serviceType", Codec.String, s => s.ServiceType, (s, v) => s with { ServiceType = v }, PropertyFlags.Required)
        .Add("createdAt", Codec.String, s => s.CreatedAt, (s, v) => s with { CreatedAt = v })
        .Add("isCharge", Codec.Boolean, s => s.IsCharge, (s, v) => s with { IsCharge = v });

    public static PublicServiceInfo From(PublicService service) => new()
    {
        Id = service.Id,
        Owner = service.Owner,
        ServiceName = service.ServiceName,
        ServiceType = service.ServiceType,
        CreatedAt = service.CreatedAt,
        IsCharge = service.IsCharge,
    };
}
