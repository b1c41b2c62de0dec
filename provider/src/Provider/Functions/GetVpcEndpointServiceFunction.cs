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
