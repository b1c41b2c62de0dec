using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Functions;

/// <summary>
/// <c>otc:vpcep:getVpcEndpointService</c>: finds a VPC endpoint service by id or by its full name, the name consumers
/// in other accounts know. The describe API answers across accounts (id, name, type, creation time, charging); for a
/// service of the configured project the details (status, ports, approval, ...) are added from the service itself.
/// </summary>
public sealed class GetVpcEndpointServiceFunction(OtcClientProvider clients) : IFunctionHandler
{
    public const string FunctionToken = "otc:vpcep:getVpcEndpointService";

    public string Token => FunctionToken;

    public async Task<FunctionResult> InvokeAsync(PropertyMap args, CancellationToken cancellationToken)
    {
        var failures = new List<CheckFailure>();
        InputRules.OnlyInputs(args, new HashSet<string>(["id", "name"], StringComparer.Ordinal), "getVpcEndpointService", failures);
        InputRules.OptionalString(args, "id", failures);
        InputRules.OptionalString(args, "name", failures);
        var id = args.GetOrNull("id").TryGetString(out var idText) && idText.Length > 0 ? idText : null;
        var name = args.GetOrNull("name").TryGetString(out var nameText) && nameText.Length > 0 ? nameText : null;
        if (failures.Count == 0 && (id is null) == (name is null))
        {
            failures.Add(new CheckFailure(id is null ? "id" : "name", "give exactly one of 'id' and 'name' (the full name, {region}.{name}.{id})"));
        }

        if (failures.Count > 0)
        {
            return new FunctionResult(PropertyMap.Empty, failures);
        }

        var client = clients.Client;
        ServiceBasicInfo info;
        try
        {
            info = await client.DescribeServiceAsync(name, id, cancellationToken).ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (exception.IsNotFound)
        {
            throw new ProviderException(ProviderErrorKind.NotFound,
                $"no VPC endpoint service {(name is null ? "with id " + id : "named " + name)} is visible to this account. " + OtcExceptionTranslator.Describe(exception),
                exception);
        }

        // The details are readable only for the configured project's own services; another account's service is not an error.
        var service = await OwnServiceOrNullAsync(client, info.Id, cancellationToken).ConfigureAwait(false);
        return new FunctionResult(ResultOf(info, service, client.Region), []);
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

    private static PropertyMap ResultOf(ServiceBasicInfo info, EndpointService? service, string region)
    {
        var answeredName = service?.ServiceName ?? info.ServiceName;
        var fullName = ServiceNames.FullName(answeredName, info.Id, region);
        var result = new Dictionary<string, PropertyValue>(StringComparer.Ordinal)
        {
            ["id"] = info.Id,
            ["fullServiceName"] = fullName,
            ["serviceType"] = PropertyValue.From(info.ServiceType),
            ["createdAt"] = PropertyValue.From(info.CreatedAt),
            ["isCharge"] = info.IsCharge,
        };
        if (ServiceNames.ShortName(answeredName, info.Id) is { } shortName && fullName.EndsWith("." + info.Id, StringComparison.Ordinal))
        {
            result["serviceName"] = shortName;
        }

        if (service is not null)
        {
            var state = ServiceMapper.ToState(service, [], preferred: null, region).ToProperties();
            foreach (var key in new[] { "status", "approvalEnabled", "ports", "serverType", "vpcId", "portId", "poolId", "tcpProxy", "description", "tags", "projectId", "updatedAt" })
            {
                if (state.TryGetValue(key, out var value))
                {
                    result[key] = value;
                }
            }
        }

        return PropertyMap.From(result.Where(pair => !pair.Value.IsNull));
    }
}
