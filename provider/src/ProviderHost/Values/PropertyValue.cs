using System.Collections.Immutable;
using System.Globalization;

namespace Otc.ProviderHost.Values;

/// <summary>
/// An immutable Pulumi property value. Secretness is a flag on the value (not a wrapper kind) so that
/// comparisons can ignore it while every round trip still keeps it.
/// </summary>
public sealed class PropertyValue : IEquatable<PropertyValue>
{
    private readonly object? _payload;

    private PropertyValue(PropertyValueKind kind, object? payload, bool isSecret)
    {
        Kind = kind;
        _payload = payload;
        IsSecret = isSecret;
    }

    public static PropertyValue Null { get; } = new(PropertyValueKind.Null, null, false);

    /// <summary>The value the engine has not computed yet (preview only).</summary>
    public static PropertyValue Unknown { get; } = new(PropertyValueKind.Unknown, null, false);

    public PropertyValueKind Kind { get; }

    public bool IsSecret { get; }

    public bool IsNull => Kind == PropertyValueKind.Null;

    public bool IsUnknown => Kind == PropertyValueKind.Unknown;

    public static PropertyValue From(bool value) => new(PropertyValueKind.Bool, value, false);

    public static PropertyValue From(double value) => new(PropertyValueKind.Number, value, false);

    public static PropertyValue From(string? value) =>
        value is null ? Null : new(PropertyValueKind.String, value, false);

    public static PropertyValue From(IEnumerable<PropertyValue> items) =>
        new(PropertyValueKind.Array, items.ToImmutableArray(), false);

    public static PropertyValue From(PropertyMap map) => new(PropertyValueKind.Object, map, false);

    /// <summary>
    /// Wraps a value the host does not interpret (asset, archive, resource reference). The payload is
    /// the codec's own representation and is handed back to the engine unchanged.
    /// </summary>
    public static PropertyValue FromOpaque(object payload) => new(PropertyValueKind.Opaque, payload, false);

    public PropertyValue WithSecret(bool isSecret = true) =>
        isSecret == IsSecret ? this : new PropertyValue(Kind, _payload, isSecret);

    public bool TryGetBool(out bool value)
    {
        value = Kind == PropertyValueKind.Bool && (bool)_payload!;
        return Kind == PropertyValueKind.Bool;
    }

    public bool TryGetNumber(out double value)
    {
        value = Kind == PropertyValueKind.Number ? (double)_payload! : 0;
        return Kind == PropertyValueKind.Number;
    }

    public bool TryGetString(out string value)
    {
        value = Kind == PropertyValueKind.String ? (string)_payload! : string.Empty;
        return Kind == PropertyValueKind.String;
    }

    public bool TryGetArray(out ImmutableArray<PropertyValue> value)
    {
        value = Kind == PropertyValueKind.Array ? (ImmutableArray<PropertyValue>)_payload! : [];
        return Kind == PropertyValueKind.Array;
    }

    public bool TryGetObject(out PropertyMap value)
    {
        value = Kind == PropertyValueKind.Object ? (PropertyMap)_payload! : PropertyMap.Empty;
        return Kind == PropertyValueKind.Object;
    }

    /// <summary>The codec's payload of an opaque value (asset, archive, resource reference).</summary>
    public object? OpaquePayload => Kind == PropertyValueKind.Opaque ? _payload : null;

    /// <summary>True when this value or anything nested in it is unknown.</summary>
    public bool ContainsUnknowns() => Kind switch
    {
        PropertyValueKind.Unknown => true,
        PropertyValueKind.Array => ((ImmutableArray<PropertyValue>)_payload!).Any(v => v.ContainsUnknowns()),
        PropertyValueKind.Object => ((PropertyMap)_payload!).ContainsUnknowns(),
        _ => false,
    };

    /// <summary>True when this value or anything nested in it is secret.</summary>
    public bool ContainsSecrets() => IsSecret || Kind switch
    {
        PropertyValueKind.Array => ((ImmutableArray<PropertyValue>)_payload!).Any(v => v.ContainsSecrets()),
        PropertyValueKind.Object => ((PropertyMap)_payload!).Values.Any(v => v.ContainsSecrets()),
        _ => false,
    };

    /// <summary>Equality of content: secretness is part of it. Use <see cref="ValueEquals"/> to ignore it.</summary>
    public bool Equals(PropertyValue? other) =>
        other is not null && other.IsSecret == IsSecret && ValueEquals(other);

    /// <summary>Compares content only, ignoring secretness at every level (a secret "a" equals a plain "a").</summary>
    public bool ValueEquals(PropertyValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            PropertyValueKind.Null or PropertyValueKind.Unknown => true,
            PropertyValueKind.Bool => (bool)_payload! == (bool)other._payload!,
            PropertyValueKind.Number => ((double)_payload!).Equals((double)other._payload!),
            PropertyValueKind.String => string.Equals((string)_payload!, (string)other._payload!, StringComparison.Ordinal),
            PropertyValueKind.Array => ArrayValueEquals((ImmutableArray<PropertyValue>)_payload!, (ImmutableArray<PropertyValue>)other._payload!),
            PropertyValueKind.Object => ((PropertyMap)_payload!).ValueEquals((PropertyMap)other._payload!),
            _ => Equals(_payload, other._payload),
        };
    }

    private static bool ArrayValueEquals(ImmutableArray<PropertyValue> left, ImmutableArray<PropertyValue> right) =>
        left.Length == right.Length && left.Zip(right).All(pair => pair.First.ValueEquals(pair.Second));

    public override bool Equals(object? obj) => obj is PropertyValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, IsSecret, Kind switch
    {
        PropertyValueKind.Array => ((ImmutableArray<PropertyValue>)_payload!).Length,
        PropertyValueKind.Object => ((PropertyMap)_payload!).Count,
        _ => _payload?.GetHashCode() ?? 0,
    });

    public override string ToString()
    {
        if (IsSecret)
        {
            return "[secret]";
        }

        return Kind switch
        {
            PropertyValueKind.Null => "null",
            PropertyValueKind.Unknown => "[unknown]",
            PropertyValueKind.Bool => (bool)_payload! ? "true" : "false",
            PropertyValueKind.Number => ((double)_payload!).ToString(CultureInfo.InvariantCulture),
            PropertyValueKind.String => $"\"{_payload}\"",
            PropertyValueKind.Array => $"[{string.Join(", ", (ImmutableArray<PropertyValue>)_payload!)}]",
            PropertyValueKind.Object => _payload!.ToString()!,
            _ => "[opaque]",
        };
    }

    public static implicit operator PropertyValue(string value) => From(value);

    public static implicit operator PropertyValue(bool value) => From(value);

    public static implicit operator PropertyValue(double value) => From(value);
}
