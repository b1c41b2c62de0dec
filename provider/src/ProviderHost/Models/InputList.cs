using System.Collections;
using System.Collections.Immutable;

namespace Otc.ProviderHost.Models;

/// <summary>A list property: its items are inputs themselves, since one item may be unknown while the others are known.</summary>
public sealed class InputList<T> : IReadOnlyList<Input<T>>, IEquatable<InputList<T>>
{
    private readonly ImmutableArray<Input<T>> _items;

    public InputList(IEnumerable<Input<T>> items) => _items = [.. items];

    public static InputList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public Input<T> this[int index] => _items[index];

    /// <summary>True when every item is known.</summary>
    public bool IsFullyKnown => _items.All(item => item.IsKnown);

    /// <summary>The items' values; only for a fully known list (outside preview).</summary>
    public IReadOnlyList<T> Values => [.. _items.Where(item => !item.IsAbsent).Select(item => item.Value)];

    public static InputList<T> Of(IEnumerable<T> values) => new(values.Select(value => Input<T>.Known(value)));

    public static implicit operator InputList<T>(T[] values) => Of(values);

    public static implicit operator InputList<T>(List<T> values) => Of(values);

    public IEnumerator<Input<T>> GetEnumerator() => ((IEnumerable<Input<T>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(InputList<T>? other) => other is not null && _items.SequenceEqual(other._items);

    public override bool Equals(object? obj) => obj is InputList<T> other && Equals(other);

    public override int GetHashCode() => _items.Length;

    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}
