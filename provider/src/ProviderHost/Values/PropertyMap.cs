using System.Collections;
using System.Collections.Immutable;

namespace Otc.ProviderHost.Values;

/// <summary>An immutable, ordinal-keyed map of property values: the shape of inputs, outputs and config.</summary>
public sealed class PropertyMap : IReadOnlyDictionary<string, PropertyValue>, IEquatable<PropertyMap>
{
    private readonly ImmutableSortedDictionary<string, PropertyValue> _values;

    private PropertyMap(ImmutableSortedDictionary<string, PropertyValue> values) => _values = values;

    public static PropertyMap Empty { get; } = new(ImmutableSortedDictionary.Create<string, PropertyValue>(StringComparer.Ordinal));

    public static PropertyMap From(IEnumerable<KeyValuePair<string, PropertyValue>> values) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, values));

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<PropertyValue> Values => _values.Values;

    public PropertyValue this[string key] => _values[key];

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out PropertyValue value) =>
        _values.TryGetValue(key, out value);

    /// <summary>The value under <paramref name="key"/>, or <see cref="PropertyValue.Null"/> when absent.</summary>
    public PropertyValue GetOrNull(string key) => _values.TryGetValue(key, out var value) ? value : PropertyValue.Null;

    public PropertyMap With(string key, PropertyValue value) => new(_values.SetItem(key, value));

    public PropertyMap Without(string key) => new(_values.Remove(key));

    public bool ContainsUnknowns() => _values.Values.Any(v => v.ContainsUnknowns());

    /// <summary>Compares content only, ignoring secretness (see <see cref="PropertyValue.ValueEquals"/>).</summary>
    public bool ValueEquals(PropertyMap other) =>
        Count == other.Count && _values.All(pair => other.TryGetValue(pair.Key, out var value) && pair.Value.ValueEquals(value));

    public bool Equals(PropertyMap? other) =>
        other is not null && Count == other.Count && _values.All(pair => other.TryGetValue(pair.Key, out var value) && pair.Value.Equals(value));

    public override bool Equals(object? obj) => obj is PropertyMap other && Equals(other);

    public override int GetHashCode() => Count;

    public IEnumerator<KeyValuePair<string, PropertyValue>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "{" + string.Join(", ", _values.Select(pair => $"{pair.Key}: {pair.Value}")) + "}";
}
