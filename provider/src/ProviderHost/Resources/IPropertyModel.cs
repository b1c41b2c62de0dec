using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>
/// A typed record that maps to and from Pulumi properties. Resources declare their inputs and state
/// as such records so handlers never walk property maps by hand.
/// </summary>
public interface IPropertyModel<TSelf>
    where TSelf : IPropertyModel<TSelf>
{
    /// <summary>Builds the record from fully known values; throws <see cref="PropertyDecodeException"/> on a bad shape.</summary>
    static abstract TSelf FromProperties(PropertyMap properties);

    PropertyMap ToProperties();
}

/// <summary>A property map did not have the shape a typed record needs.</summary>
public sealed class PropertyDecodeException(string property, string reason)
    : Exception($"property '{property}': {reason}")
{
    public string Property { get; } = property;

    public string Reason { get; } = reason;
}
