using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Models;

/// <summary>
/// Converts one kind of value between its Pulumi property form and the type a model holds it in. Decoding trusts the
/// shape: the host has checked every value against the schema before a model sees it, and a test holds each model's
/// <see cref="Shape"/> against the schema, so a mismatch here is a bug and throws <see cref="PropertyDecodeException"/>.
/// </summary>
public abstract class ValueCodec<T>
{
    /// <summary>The shape this codec reads and writes, as the schema would declare it.</summary>
    public abstract SchemaShape Shape { get; }

    /// <summary>Reads a value that is neither null nor unknown.</summary>
    public abstract T Decode(PropertyValue value, string path);

    /// <summary>Writes a value (without secretness, which the caller adds).</summary>
    public abstract PropertyValue Encode(T value);

    /// <summary>Reads a property: null is absent, the unknown sentinel is unknown, and secretness is kept.</summary>
    public Input<T> DecodeInput(PropertyValue value, string path) => value.Kind switch
    {
        PropertyValueKind.Null => Input<T>.Absent,
        PropertyValueKind.Unknown => Input<T>.Unknown(value.IsSecret),
        _ => Input<T>.Known(Decode(value, path), value.IsSecret),
    };

    /// <summary>Writes a property; an absent one becomes <see cref="PropertyValue.Null"/>.</summary>
    public PropertyValue EncodeInput(Input<T> input) => input.State switch
    {
        InputState.Known => Encode(input.Value).WithSecret(input.IsSecret),
        InputState.Unknown => PropertyValue.Unknown.WithSecret(input.IsSecret),
        _ => PropertyValue.Null,
    };
}

/// <summary>The codecs models are declared with: scalars, lists, maps and nested object models.</summary>
public static class Codec
{
    public static ValueCodec<string> String { get; } = new ScalarCodec<string>(
        SchemaShape.String, static (value, path) => value.TryGetString(out var text) ? text : throw Mismatch(path, "a string"), static text => PropertyValue.From(text));

    public static ValueCodec<bool> Boolean { get; } = new ScalarCodec<bool>(
        SchemaShape.Boolean, static (value, path) => value.TryGetBool(out var flag) ? flag : throw Mismatch(path, "a boolean"), static flag => PropertyValue.From(flag));

    /// <summary>Pulumi numbers are doubles; integers are exact up to 2^53, which is as far as the host lets them through.</summary>
    public static ValueCodec<long> Integer { get; } = new ScalarCodec<long>(
        SchemaShape.Integer,
        static (value, path) => value.TryGetNumber(out var number) && Math.Floor(number) == number && Math.Abs(number) <= MaxExactInteger
            ? (long)number
            : throw Mismatch(path, "an integer"),
        static number => PropertyValue.From(number));

    public static ValueCodec<double> Number { get; } = new ScalarCodec<double>(
        SchemaShape.Number, static (value, path) => value.TryGetNumber(out var number) ? number : throw Mismatch(path, "a number"), static number => PropertyValue.From(number));

    /// <summary>The largest integer a double holds exactly.</summary>
    public const double MaxExactInteger = 9_007_199_254_740_992;

    public static ValueCodec<InputList<T>> ListOf<T>(ValueCodec<T> items) => new ListCodec<T>(items);

    public static ValueCodec<InputMap<T>> MapOf<T>(ValueCodec<T> values) => new MapCodec<T>(values);

    /// <summary>A nested object, read and written through its model's property table.</summary>
    public static ValueCodec<TModel> Object<TModel>(string typeName)
        where TModel : IPropertyModel<TModel>, new() => new ObjectCodec<TModel>(typeName);

    internal static PropertyDecodeException Mismatch(string path, string expected) => new(path, $"must be {expected}");

    private sealed class ScalarCodec<T>(SchemaShape shape, Func<PropertyValue, string, T> decode, Func<T, PropertyValue> encode) : ValueCodec<T>
    {
        public override SchemaShape Shape => shape;

        public override T Decode(PropertyValue value, string path) => decode(value, path);

        public override PropertyValue Encode(T value) => encode(value);
    }

    private sealed class ListCodec<T>(ValueCodec<T> items) : ValueCodec<InputList<T>>
    {
        public override SchemaShape Shape { get; } = SchemaShape.ArrayOf(items.Shape);

        public override InputList<T> Decode(PropertyValue value, string path) =>
            value.TryGetArray(out var array)
                ? new InputList<T>(array.Select((item, index) => items.DecodeInput(item, $"{path}[{index}]")))
                : throw Mismatch(path, Shape.Phrase);

        public override PropertyValue Encode(InputList<T> value) => PropertyValue.From(value.Select(items.EncodeInput));
    }

    private sealed class MapCodec<T>(ValueCodec<T> values) : ValueCodec<InputMap<T>>
    {
        public override SchemaShape Shape { get; } = SchemaShape.MapOf(values.Shape);

        public override InputMap<T> Decode(PropertyValue value, string path) =>
            value.TryGetObject(out var map)
                ? new InputMap<T>(map.Select(pair => KeyValuePair.Create(pair.Key, values.DecodeInput(pair.Value, PropertyPath.Child(path, pair.Key)))))
                : throw Mismatch(path, Shape.Phrase);

        public override PropertyValue Encode(InputMap<T> value) =>
            PropertyValue.From(PropertyMap.From(value.Select(pair => KeyValuePair.Create(pair.Key, values.EncodeInput(pair.Value)))));
    }

    private sealed class ObjectCodec<TModel>(string typeName) : ValueCodec<TModel>
        where TModel : IPropertyModel<TModel>, new()
    {
        public override SchemaShape Shape => TModel.Properties.ShapeNamed(typeName);

        public override TModel Decode(PropertyValue value, string path) =>
            value.TryGetObject(out var map) ? TModel.Properties.Decode(map, path) : throw Mismatch(path, "an object");

        public override PropertyValue Encode(TModel value) => PropertyValue.From(TModel.Properties.Encode(value));
    }
}
