using Google.Protobuf.WellKnownTypes;

namespace Otc.ProviderHost.Values;

/// <summary>
/// Converts between the wire form (<c>google.protobuf.Struct</c>/<c>Value</c>) and <see cref="PropertyValue"/>.
/// Secrets become a flag and go back out as the secret wrapper; every unknown sentinel becomes
/// <see cref="PropertyValue.Unknown"/>; output values are unwrapped; any other signed object (asset,
/// archive, resource reference, ...) is kept as the original <see cref="Value"/> and written back unchanged.
/// </summary>
public static class PropertyCodec
{
    public static PropertyMap Decode(Struct? wire)
    {
        if (wire is null || wire.Fields.Count == 0)
        {
            return PropertyMap.Empty;
        }

        return PropertyMap.From(wire.Fields.Select(field => KeyValuePair.Create(field.Key, Decode(field.Value))));
    }

    public static PropertyValue Decode(Value? wire)
    {
        if (wire is null)
        {
            return PropertyValue.Null;
        }

        return wire.KindCase switch
        {
            Value.KindOneofCase.BoolValue => PropertyValue.From(wire.BoolValue),
            Value.KindOneofCase.NumberValue => PropertyValue.From(wire.NumberValue),
            Value.KindOneofCase.StringValue => PropertySignatures.UnknownSentinels.Contains(wire.StringValue)
                ? PropertyValue.Unknown
                : PropertyValue.From(wire.StringValue),
            Value.KindOneofCase.ListValue => PropertyValue.From(wire.ListValue.Values.Select(Decode)),
            Value.KindOneofCase.StructValue => DecodeObject(wire),
            _ => PropertyValue.Null,
        };
    }

    public static Struct Encode(PropertyMap map)
    {
        var wire = new Struct();
        foreach (var (key, value) in map)
        {
            wire.Fields[key] = Encode(value);
        }

        return wire;
    }

    public static Value Encode(PropertyValue value)
    {
        var plain = EncodePlain(value);
        if (!value.IsSecret)
        {
            return plain;
        }

        var wrapper = new Struct();
        wrapper.Fields[PropertySignatures.SigKey] = Value.ForString(PropertySignatures.Secret);
        wrapper.Fields["value"] = plain;
        return Value.ForStruct(wrapper);
    }

    private static Value EncodePlain(PropertyValue value)
    {
        switch (value.Kind)
        {
            case PropertyValueKind.Bool:
                value.TryGetBool(out var flag);
                return Value.ForBool(flag);
            case PropertyValueKind.Number:
                value.TryGetNumber(out var number);
                return Value.ForNumber(number);
            case PropertyValueKind.String:
                value.TryGetString(out var text);
                return Value.ForString(text);
            case PropertyValueKind.Array:
                value.TryGetArray(out var items);
                return Value.ForList([.. items.Select(Encode)]);
            case PropertyValueKind.Object:
                value.TryGetObject(out var map);
                return Value.ForStruct(Encode(map));
            case PropertyValueKind.Unknown:
                return Value.ForString(PropertySignatures.UnknownString);
            case PropertyValueKind.Opaque when value.OpaquePayload is Value original:
                return original.Clone();
            default:
                return Value.ForNull();
        }
    }

    private static PropertyValue DecodeObject(Value wire)
    {
        var fields = wire.StructValue.Fields;
        if (!fields.TryGetValue(PropertySignatures.SigKey, out var sig) || sig.KindCase != Value.KindOneofCase.StringValue)
        {
            return PropertyValue.From(Decode(wire.StructValue));
        }

        return sig.StringValue switch
        {
            PropertySignatures.Secret => Decode(fields.TryGetValue("value", out var inner) ? inner : null).WithSecret(),
            PropertySignatures.OutputValue => DecodeOutputValue(fields),
            _ => PropertyValue.FromOpaque(wire.Clone()),
        };
    }

    /// <summary>An output value is a value (or an unknown when it has none), possibly secret; its dependencies do not matter to a CRUD provider.</summary>
    private static PropertyValue DecodeOutputValue(Google.Protobuf.Collections.MapField<string, Value> fields)
    {
        var value = fields.TryGetValue("value", out var inner) ? Decode(inner) : PropertyValue.Unknown;
        var isSecret = fields.TryGetValue("secret", out var secret) && secret.KindCase == Value.KindOneofCase.BoolValue && secret.BoolValue;
        return isSecret ? value.WithSecret() : value;
    }
}
