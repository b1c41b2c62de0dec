using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Tests.TestProvider;

/// <summary>The inputs of the test-only widget resource.</summary>
internal sealed record WidgetInputs(string Name, double Size, string? Password, PropertyMap Tags) : IPropertyModel<WidgetInputs>
{
    public static WidgetInputs FromProperties(PropertyMap properties)
    {
        if (!properties.GetOrNull("name").TryGetString(out var name))
        {
            throw new PropertyDecodeException("name", "expected a string");
        }

        properties.GetOrNull("size").TryGetNumber(out var size);
        var password = properties.GetOrNull("password").TryGetString(out var text) ? text : null;
        properties.GetOrNull("tags").TryGetObject(out var tags);
        return new WidgetInputs(name, size, password, tags);
    }

    public PropertyMap ToProperties()
    {
        var map = PropertyMap.Empty.With("name", Name).With("size", Size).With("tags", PropertyValue.From(Tags));
        return Password is null ? map : map.With("password", Password);
    }
}

/// <summary>The state of the test-only widget: its inputs plus a computed serial.</summary>
internal sealed record WidgetState(WidgetInputs Inputs, string Serial) : IPropertyModel<WidgetState>
{
    public static WidgetState FromProperties(PropertyMap properties) =>
        new(WidgetInputs.FromProperties(properties), properties.GetOrNull("serial").TryGetString(out var serial) ? serial : string.Empty);

    public PropertyMap ToProperties() => Inputs.ToProperties().With("serial", Serial);
}
