using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using Names = Otc.Provider.Resources.VpcEndpointApproval.ApprovalProperties;

namespace Otc.Provider.Resources.VpcEndpointApproval;

/// <summary>Check for <c>otc:vpcep:VpcEndpointApproval</c>: a service id, and a list of endpoint ids with none twice.</summary>
internal static class ApprovalInputValidator
{
    public static CheckResult Check(PropertyMap news)
    {
        var failures = new List<CheckFailure>();
        InputRules.OnlyInputs(news, Names.InputSet, "VpcEndpointApproval", failures);
        InputRules.RequiredString(news, Names.ServiceId, failures);
        var endpointIds = news.GetOrNull(Names.EndpointIds);
        if (endpointIds.IsNull)
        {
            failures.Add(new CheckFailure(Names.EndpointIds, $"missing required property '{Names.EndpointIds}' (the endpoints to accept; an empty list accepts none)"));
        }
        else
        {
            InputRules.StringList(news, Names.EndpointIds, id => !string.IsNullOrWhiteSpace(id), "an endpoint id", failures);
            if (endpointIds.TryGetArray(out var items))
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var index = 0; index < items.Length; index++)
                {
                    if (items[index].TryGetString(out var id) && !seen.Add(id))
                    {
                        failures.Add(new CheckFailure($"{Names.EndpointIds}[{index}]", $"endpoint {id} is listed twice; list each endpoint once"));
                    }
                }
            }
        }

        return new CheckResult(news, failures);
    }

    /// <summary>For comparison only: the endpoint ids as a sorted set.</summary>
    public static PropertyMap Normalise(PropertyMap inputs) =>
        inputs.GetOrNull(Names.EndpointIds).TryGetArray(out var items) && items.All(item => item.TryGetString(out _))
            ? inputs.With(Names.EndpointIds, PropertyDecoding.StringList(
                items.Select(item => item.TryGetString(out var id) ? id : "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)))
            : inputs;
}
