using System.Collections.Immutable;
using Otc.ProviderHost.Values;
using Pulumi;

namespace Otc.Program.Tests.EndToEnd;

/// <summary>
/// Converts between the plain values Pulumi's mock monitor hands to <see cref="Pulumi.Testing.IMocks"/> (strings,
/// doubles, booleans, immutable arrays and dictionaries) and the property values of the provider protocol.
/// </summary>
internal static class MockValues
{
    public static PropertyMap ToPropertyMap(IEnumerable<KeyValuePair<string, object>> values) =>
        PropertyMap.From(values.Select(pair => KeyValuePair.Create(pair.Key, ToPropertyValue(pair.Value, pair.Key))));

    /// <summary>
    /// The state a mock returns: the same shapes back, with a secret value as a secret output, which the SDK
    /// serializes the way the engine marks a secret.
    /// </summary>
    public static Dictionary<string, object?> ToState(PropertyMap values) =>
        values.ToDictionary(pair => pair.Key, pair => ToObject(pair.Value, pair.Key), StringComparer.Ordinal);

    private static PropertyValue ToPropertyValue(object? value, string path) => value switch
    {
        null => PropertyValue.Null,
        string text => text,
        bool flag => flag,
        double number => number,
        int number => number,
        ImmutableArray<object?> items => PropertyValue.From(items.Select((item, index) => ToPropertyValue(item, $"{path}[{index}]"))),
        IReadOnlyDictionary<string, object?> map => PropertyValue.From(PropertyMap.From(
            map.Select(pair => KeyValuePair.Create(pair.Key, ToPropertyValue(pair.Value, $"{path}.{pair.Key}"))))),
        _ => throw new NotSupportedException($"{path}: a {value.GetType().Name} is not forwarded to a provider (assets, archives and resource references are not)"),
    };

    private static object? ToObject(PropertyValue value, string path)
    {
        object? plain = value.Kind switch
        {
            PropertyValueKind.Null => null,
            PropertyValueKind.Bool when value.TryGetBool(out var flag) => flag,
            PropertyValueKind.Number when value.TryGetNumber(out var number) => number,
            PropertyValueKind.String when value.TryGetString(out var text) => text,
            PropertyValueKind.Array when value.TryGetArray(out var items) => items.Select((item, index) => ToObject(item, $"{path}[{index}]")).ToList(),
            PropertyValueKind.Object when value.TryGetObject(out var map) => map.ToDictionary(
                pair => pair.Key, pair => ToObject(pair.Value, $"{path}.{pair.Key}"), StringComparer.Ordinal),
            _ => throw new NotSupportedException($"{path}: the provider returned a {value.Kind} value, which a mock cannot hand back outside preview"),
        };
        return value.IsSecret ? Output.CreateSecret(plain) : plain;
    }
}
