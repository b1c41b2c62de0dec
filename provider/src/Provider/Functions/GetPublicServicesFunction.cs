using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Functions;

/// <summary>
/// <c>otc:vpcep:getPublicServices</c>: the VPC endpoint services OTC itself offers to every account (e.g. OBS), every
/// page of them, optionally only those whose name contains <c>name</c> (case-insensitive, as the API matches).
/// </summary>
public sealed class GetPublicServicesFunction(OtcClientProvider clients) : IFunctionHandler
{
    public const string FunctionToken = "otc:vpcep:getPublicServices";

    public string Token => FunctionToken;

    public async Task<FunctionResult> InvokeAsync(PropertyMap args, CancellationToken cancellationToken)
    {
        var failures = new List<CheckFailure>();
        InputRules.OnlyInputs(args, new HashSet<string>(["name"], StringComparer.Ordinal), "getPublicServices", failures);
        InputRules.OptionalString(args, "name", failures);
        if (failures.Count > 0)
        {
            return new FunctionResult(PropertyMap.Empty, failures);
        }

        var name = args.GetOrNull("name").TryGetString(out var text) && text.Length > 0 ? text : null;
        var services = await clients.Client.ListPublicServicesAsync(name, cancellationToken).ConfigureAwait(false);
        var result = PropertyMap.From(new Dictionary<string, PropertyValue>(StringComparer.Ordinal)
        {
            ["services"] = PropertyValue.From(services.Select(ToProperty)),
        });
        return new FunctionResult(name is null ? result : result.With("name", name), []);
    }

    private static PropertyValue ToProperty(PublicService service) => PropertyValue.From(PropertyMap.From(
        new Dictionary<string, PropertyValue>(StringComparer.Ordinal)
        {
            ["id"] = service.Id,
            ["owner"] = PropertyValue.From(service.Owner),
            ["serviceName"] = PropertyValue.From(service.ServiceName),
            ["serviceType"] = PropertyValue.From(service.ServiceType),
            ["createdAt"] = PropertyValue.From(service.CreatedAt),
            ["isCharge"] = service.IsCharge,
        }.Where(pair => !pair.Value.IsNull)));
}
