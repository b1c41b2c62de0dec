using Otc.ProviderHost.Values;
using Names = Otc.Provider.Resources.VpcEndpointService.ServiceProperties;
using Vocabulary = Otc.Provider.Resources.VpcEndpointService.ServiceVocabulary;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// Brings inputs to one canonical form for comparison only (never stored): ports as a sorted set, enum case as the
/// cloud spells it, short service name, bare permission ids as a sorted set, and defaults for absent values. Two
/// inputs that mean the same service normalise to equal maps; unknown values are left as they are.
/// </summary>
internal static class InputNormaliser
{
    public static PropertyMap Normalise(PropertyMap inputs)
    {
        var result = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var key in Names.Inputs)
        {
            var value = inputs.GetOrNull(key);
            var normalised = value.IsUnknown ? value : NormaliseValue(key, value);
            if (!normalised.IsNull)
            {
                result[key] = normalised;
            }
        }

        return PropertyMap.From(result);
    }

    private static PropertyValue NormaliseValue(string key, PropertyValue value) => key switch
    {
        Names.ServerType => Enum(value, Vocabulary.ServerTypes, defaultValue: null),
        Names.ServiceType => Enum(value, Vocabulary.ServiceTypes, Vocabulary.DefaultServiceType),
        Names.TcpProxy => Enum(value, Vocabulary.TcpProxyModes, Vocabulary.DefaultTcpProxy),
        Names.ApprovalEnabled => value.IsNull ? PropertyValue.From(Vocabulary.DefaultApprovalEnabled) : value,
        Names.ServiceName => value.TryGetString(out var name) ? PropertyValue.From(ServiceNames.ShortName(name)) : value,
        Names.PoolId or Names.PortId or Names.VpcId => value.TryGetString(out var id) && id.Length == 0 ? PropertyValue.Null : value,
        Names.Description => value.IsNull ? PropertyValue.From(string.Empty) : value,
        Names.Tags => value.IsNull ? PropertyValue.From(PropertyMap.Empty) : value,
        Names.Permissions => PermissionSet(value),
        Names.Ports => PortSet(value),
        _ => value,
    };

    private static PropertyValue Enum(PropertyValue value, IReadOnlyList<string> allowed, string? defaultValue)
    {
        if (value.IsNull)
        {
            return PropertyValue.From(defaultValue);
        }

        return value.TryGetString(out var text) ? PropertyValue.From(Vocabulary.CanonicalOrSelf(text, allowed)) : value;
    }

    private static PropertyValue PermissionSet(PropertyValue value)
    {
        if (value.IsNull)
        {
            return PropertyValue.From(Array.Empty<PropertyValue>());
        }

        if (!value.TryGetArray(out var items) || value.ContainsUnknowns() || items.Any(item => !item.TryGetString(out _)))
        {
            return value;
        }

        return PropertyDecoding.StringList(Permissions.ToSet(items.Select(item => item.TryGetString(out var text) ? text : "")));
    }

    private static PropertyValue PortSet(PropertyValue value)
    {
        if (!value.TryGetArray(out var items) || value.ContainsUnknowns())
        {
            return value;
        }

        var mappings = new List<PortMapping>(items.Length);
        foreach (var item in items)
        {
            try
            {
                mappings.Add(PortMapping.FromProperty(item, Names.Ports).Canonical());
            }
            catch (Otc.ProviderHost.Resources.PropertyDecodeException)
            {
                // Not a well-formed mapping (Check reports it); compare it as written.
                return value;
            }
        }

        var set = mappings
            .DistinctBy(mapping => mapping.Key)
            .OrderBy(mapping => mapping.Protocol, StringComparer.Ordinal)
            .ThenBy(mapping => mapping.ClientPort)
            .ThenBy(mapping => mapping.ServerPort);
        return PropertyValue.From(set.Select(mapping => mapping.ToProperty()));
    }
}
