using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using Names = Otc.Provider.Resources.VpcEndpoint.EndpointProperties;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>
/// Diff for <c>otc:vpcep:VpcEndpoint</c>: the whitelist and the route tables are sets (order and repeats mean nothing),
/// an absent description or tag map is an empty one; then the host's differ applies the schema's replace rules (every
/// input but <c>tags</c> replaces: the API has no update for endpoints) and the optional+computed rule.
/// </summary>
internal static class EndpointDiff
{
    public static DiffResult Diff(DiffRequest request, PropertyDiffer differ) =>
        differ.Diff(request with
        {
            OldInputs = Normalise(request.OldInputs),
            NewInputs = Normalise(request.NewInputs),
            OldState = Normalise(request.OldState),
        });

    /// <summary>For comparison only (never stored); unknown values are left as they are.</summary>
    public static PropertyMap Normalise(PropertyMap properties)
    {
        var result = properties;
        foreach (var key in new[] { Names.Whitelist, Names.RouteTables })
        {
            if (properties.GetOrNull(key).TryGetArray(out var items) && !properties[key].ContainsUnknowns()
                && items.All(item => item.TryGetString(out _)))
            {
                var set = items.Select(item => item.TryGetString(out var text) ? text : "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                result = result.With(key, PropertyDecoding.StringList(set));
            }
        }

        if (result.GetOrNull(Names.Description).IsNull)
        {
            result = result.With(Names.Description, PropertyValue.From(string.Empty));
        }

        if (result.GetOrNull(Names.Tags).IsNull)
        {
            result = result.With(Names.Tags, PropertyValue.From(PropertyMap.Empty));
        }

        if (result.GetOrNull(Names.Whitelist).IsNull)
        {
            result = result.With(Names.Whitelist, PropertyValue.From(Array.Empty<PropertyValue>()));
        }

        return result;
    }
}
