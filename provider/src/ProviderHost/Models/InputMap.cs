using System.Collections;
using System.Collections.Immutable;

namespace Otc.ProviderHost.Models;

/// <summary>A map property (string keys, ordinal order): its values are inputs themselves, since one may be unknown.</summary>
public sealed class InputMap<T> : IReadOnlyDictionary<string, Input<T>>, IEquatable<InputMap<T>>
{
    private readonly ImmutableSortedDictionary<string, Input<T>> _entries;

    public InputMap(IEnumerable<KeyValuePair<string, Input<T>>> entries) =>
        _entries = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, entries);

    public static InputMap<T> Empty { get; } = new([]);

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Keys;

    IEnumerable<Input<T>> IReadOnlyDictionary<string, Input<T>>.Values => _entries.Values;

    public Input<T> this[string key] => _entries[key];

    /// <summary>The entries' values; only for a fully known map (outside preview).</summary>
    public IReadOnlyDictionary<string, T> Values =>
        _entries.Where(entry => !entry.Value.IsAbsent).ToDictionary(entry => entry.Key, entry => entry.Value.Value, StringComparer.Ordinal);

    public static InputMap<T> Of(IEnumerable<KeyValuePair<string, T>> values) =>
        new(values.Select(pair => KeyValuePair.Create(pair.Key, Input<T>.Known(pair.Value))));

    public static implicit operator InputMap<T>(Dictionary<string, T> values) => Of(values);

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public bool TryGetValue(string key, out Input<T> value) => _entries.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, Input<T>>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(InputMap<T>? other) =>
        other is not null && Count == other.Count && _entries.All(pair => other.TryGetValue(pair.Key, out var value) && pair.Value.Equals(value));

    public override bool Equals(object? obj) => obj is InputMap<T> other && Equals(other);

    public override int GetHashCode() => _entries.Count;

    public override string ToString() => "{" + string.Join(", ", _entries.Select(pair => $"{pair.Key}: {pair.Value}")) + "}";
}
