using Otc.ProviderHost.Values;
using Names = Otc.Provider.Resources.VpcEndpointService.ServiceProperties;
using Vocabulary = Otc.Provider.Resources.VpcEndpointService.ServiceVocabulary;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// Preview outputs without calling the cloud. Values the cloud reports in its own spelling (enum case) are shown that
/// way; values only the cloud knows (status, timestamps, ids, the full name) are left out, which the engine shows as unknown.
/// </summary>
internal static class ServicePreview
{
    public static PropertyMap Create(PropertyMap inputs) => Overlay(PropertyMap.Empty, inputs);

    public static PropertyMap Update(PropertyMap oldState, PropertyMap newInputs)
    {
        var outputs = oldState.Without(Names.Status).Without(Names.UpdatedAt);
        var oldName = ServiceNames.ShortName(oldState.GetOrNull(Names.ServiceName).TryGetString(out var name) ? name : null);
        var newNameValue = newInputs.GetOrNull(Names.ServiceName);
        var newName = newNameValue.TryGetString(out var newText) ? ServiceNames.ShortName(newText) : null;
        if (newNameValue.IsUnknown || !string.Equals(oldName, newName, StringComparison.Ordinal))
        {
            outputs = outputs.Without(Names.FullServiceName);
        }

        // What an update leaves behind for inputs the program no longer sets.
        outputs = outputs.Without(Names.ServiceName)
            .With(Names.Description, PropertyValue.From(string.Empty))
            .With(Names.Tags, PropertyValue.From(PropertyMap.Empty))
            .With(Names.Permissions, PropertyValue.From(Array.Empty<PropertyValue>()));
        return Overlay(outputs, newInputs);
    }

    private static PropertyMap Overlay(PropertyMap outputs, PropertyMap inputs)
    {
        foreach (var key in Names.Inputs)
        {
            if (inputs.TryGetValue(key, out var value) && !value.IsNull)
            {
                outputs = outputs.With(key, AsCloudReports(key, value));
            }
        }

        return outputs;
    }

    private static PropertyValue AsCloudReports(string key, PropertyValue value)
    {
        var spelled = key switch
        {
            Names.ServerType => Canonical(value, Vocabulary.ServerTypes),
            Names.ServiceType => Canonical(value, Vocabulary.ServiceTypes),
            Names.TcpProxy => Canonical(value, Vocabulary.TcpProxyModes),
            Names.ServiceName => value.TryGetString(out var name) ? PropertyValue.From(ServiceNames.ShortName(name)) : value,
            Names.Permissions => BarePermissions(value),
            Names.Ports => CanonicalPorts(value),
            _ => value,
        };
        return spelled.WithSecret(value.IsSecret);
    }

    private static PropertyValue Canonical(PropertyValue value, IReadOnlyList<string> allowed) =>
        value.TryGetString(out var text) ? PropertyValue.From(Vocabulary.CanonicalOrSelf(text, allowed)) : value;

    private static PropertyValue BarePermissions(PropertyValue value) =>
        value.TryGetArray(out var items)
            ? PropertyValue.From(items.Select(item => item.TryGetString(out var text) ? PropertyValue.From(Permissions.ToDomainId(text)) : item))
            : value;

    private static PropertyValue CanonicalPorts(PropertyValue value) =>
        value.TryGetArray(out var items)
            ? PropertyValue.From(items.Select(item => item.TryGetObject(out var fields)
                ? PropertyValue.From(fields.With(Names.Protocol, fields.GetOrNull(Names.Protocol).IsNull
                    ? PropertyValue.From(Vocabulary.DefaultProtocol)
                    : Canonical(fields.GetOrNull(Names.Protocol), Vocabulary.Protocols)))
                : item))
            : value;
}
