using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using static Otc.Provider.Resources.PropertyDecoding;
using Names = Otc.Provider.Resources.VpcEndpointService.ServiceProperties;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// The checked inputs of a VPC endpoint service, in the user's representation (enum case, port order).
/// Optional collections stay null when the user left them out so the stored inputs keep the program's shape.
/// </summary>
public sealed record VpcEndpointServiceArgs : IPropertyModel<VpcEndpointServiceArgs>
{
    public required string PortId { get; init; }

    public required string VpcId { get; init; }

    public required string ServerType { get; init; }

    public string? ServiceType { get; init; }

    public string? PoolId { get; init; }

    /// <summary>The short name; null for an unnamed service.</summary>
    public string? ServiceName { get; init; }

    public bool? ApprovalEnabled { get; init; }

    public required IReadOnlyList<PortMapping> Ports { get; init; }

    public string? TcpProxy { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Bare domain ids or <c>*</c>.</summary>
    public IReadOnlyList<string>? Permissions { get; init; }

    public bool EffectiveApprovalEnabled => ApprovalEnabled ?? ServiceVocabulary.DefaultApprovalEnabled;

    public string EffectiveServiceType => ServiceVocabulary.CanonicalOrSelf(ServiceType ?? ServiceVocabulary.DefaultServiceType, ServiceVocabulary.ServiceTypes);

    public string EffectiveTcpProxy => ServiceVocabulary.CanonicalOrSelf(TcpProxy ?? ServiceVocabulary.DefaultTcpProxy, ServiceVocabulary.TcpProxyModes);

    public string CanonicalServerType => ServiceVocabulary.CanonicalOrSelf(ServerType, ServiceVocabulary.ServerTypes);

    public IReadOnlyDictionary<string, string> EffectiveTags => Tags ?? new Dictionary<string, string>();

    /// <summary>The whitelist as a set of bare ids.</summary>
    public IReadOnlyList<string> PermissionSet => VpcEndpointService.Permissions.ToSet(Permissions ?? []);

    public static VpcEndpointServiceArgs FromProperties(PropertyMap properties) => new()
    {
        PortId = RequiredString(properties, Names.PortId),
        VpcId = RequiredString(properties, Names.VpcId),
        ServerType = RequiredString(properties, Names.ServerType),
        ServiceType = OptionalString(properties, Names.ServiceType),
        PoolId = OptionalString(properties, Names.PoolId),
        ServiceName = OptionalString(properties, Names.ServiceName),
        ApprovalEnabled = OptionalBool(properties, Names.ApprovalEnabled),
        Ports = PortsOf(properties),
        TcpProxy = OptionalString(properties, Names.TcpProxy),
        Description = OptionalString(properties, Names.Description),
        Tags = OptionalStringMap(properties, Names.Tags),
        Permissions = OptionalStringList(properties, Names.Permissions),
    };

    public PropertyMap ToProperties()
    {
        var properties = new List<KeyValuePair<string, PropertyValue>>
        {
            KeyValuePair.Create(Names.PortId, PropertyValue.From(PortId)),
            KeyValuePair.Create(Names.VpcId, PropertyValue.From(VpcId)),
            KeyValuePair.Create(Names.ServerType, PropertyValue.From(ServerType)),
            KeyValuePair.Create(Names.Ports, PropertyValue.From(Ports.Select(port => port.ToProperty()))),
        };
        AddIfSet(properties, Names.ServiceType, ServiceType);
        AddIfSet(properties, Names.PoolId, PoolId);
        AddIfSet(properties, Names.ServiceName, ServiceName);
        AddIfSet(properties, Names.TcpProxy, TcpProxy);
        AddIfSet(properties, Names.Description, Description);
        if (ApprovalEnabled is { } approval)
        {
            properties.Add(KeyValuePair.Create(Names.ApprovalEnabled, PropertyValue.From(approval)));
        }

        if (Tags is not null)
        {
            properties.Add(KeyValuePair.Create(Names.Tags, StringMap(Tags)));
        }

        if (Permissions is not null)
        {
            properties.Add(KeyValuePair.Create(Names.Permissions, StringList(Permissions)));
        }

        return PropertyMap.From(properties);
    }

    private static IReadOnlyList<PortMapping> PortsOf(PropertyMap properties)
    {
        var value = properties.GetOrNull(Names.Ports);
        if (!value.TryGetArray(out var items))
        {
            throw new PropertyDecodeException(Names.Ports, value.IsNull ? "is required" : "must be a list of port mappings");
        }

        return [.. items.Select((item, index) => PortMapping.FromProperty(item, $"{Names.Ports}[{index}]"))];
    }

    private static void AddIfSet(List<KeyValuePair<string, PropertyValue>> properties, string key, string? value)
    {
        if (value is not null)
        {
            properties.Add(KeyValuePair.Create(key, PropertyValue.From(value)));
        }
    }
}
