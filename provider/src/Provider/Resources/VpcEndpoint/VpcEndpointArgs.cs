using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using static Otc.Provider.Resources.PropertyDecoding;
using Names = Otc.Provider.Resources.VpcEndpoint.EndpointProperties;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>
/// The checked inputs of a VPC endpoint, in the user's representation (list order as written). Optional values stay
/// null when the user left them out, so the stored inputs keep the program's shape.
/// </summary>
public sealed record VpcEndpointArgs : IPropertyModel<VpcEndpointArgs>
{
    public required string ServiceId { get; init; }

    public required string VpcId { get; init; }

    /// <summary>Interface endpoints only.</summary>
    public string? SubnetId { get; init; }

    public string? PortIp { get; init; }

    public bool? EnableDns { get; init; }

    public bool? EnableWhitelist { get; init; }

    /// <summary>IPv4 addresses or CIDR blocks.</summary>
    public IReadOnlyList<string>? Whitelist { get; init; }

    /// <summary>Gateway endpoints only.</summary>
    public IReadOnlyList<string>? RouteTables { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public bool EffectiveEnableDns => EnableDns ?? EndpointVocabulary.DefaultEnableDns;

    public bool EffectiveEnableWhitelist => EnableWhitelist ?? EndpointVocabulary.DefaultEnableWhitelist;

    public IReadOnlyDictionary<string, string> EffectiveTags => Tags ?? new Dictionary<string, string>();

    public static VpcEndpointArgs FromProperties(PropertyMap properties) => new()
    {
        ServiceId = RequiredString(properties, Names.ServiceId),
        VpcId = RequiredString(properties, Names.VpcId),
        SubnetId = OptionalString(properties, Names.SubnetId),
        PortIp = OptionalString(properties, Names.PortIp),
        EnableDns = OptionalBool(properties, Names.EnableDns),
        EnableWhitelist = OptionalBool(properties, Names.EnableWhitelist),
        Whitelist = OptionalStringList(properties, Names.Whitelist),
        RouteTables = OptionalStringList(properties, Names.RouteTables),
        Description = OptionalString(properties, Names.Description),
        Tags = OptionalStringMap(properties, Names.Tags),
    };

    public PropertyMap ToProperties()
    {
        var properties = new List<KeyValuePair<string, PropertyValue>>
        {
            KeyValuePair.Create(Names.ServiceId, PropertyValue.From(ServiceId)),
            KeyValuePair.Create(Names.VpcId, PropertyValue.From(VpcId)),
        };
        AddIfSet(properties, Names.SubnetId, SubnetId);
        AddIfSet(properties, Names.PortIp, PortIp);
        if (EnableDns is { } enableDns)
        {
            properties.Add(KeyValuePair.Create(Names.EnableDns, PropertyValue.From(enableDns)));
        }

        if (EnableWhitelist is { } enableWhitelist)
        {
            properties.Add(KeyValuePair.Create(Names.EnableWhitelist, PropertyValue.From(enableWhitelist)));
        }

        if (Whitelist is not null)
        {
            properties.Add(KeyValuePair.Create(Names.Whitelist, StringList(Whitelist)));
        }

        if (RouteTables is not null)
        {
            properties.Add(KeyValuePair.Create(Names.RouteTables, StringList(RouteTables)));
        }

        AddIfSet(properties, Names.Description, Description);
        if (Tags is not null)
        {
            properties.Add(KeyValuePair.Create(Names.Tags, StringMap(Tags)));
        }

        return PropertyMap.From(properties);
    }

    private static void AddIfSet(List<KeyValuePair<string, PropertyValue>> properties, string key, string? value)
    {
        if (value is not null)
        {
            properties.Add(KeyValuePair.Create(key, PropertyValue.From(value)));
        }
    }
}
