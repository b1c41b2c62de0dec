using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Models;

/// <summary>What a model declares about a property besides its name and shape.</summary>
[Flags]
public enum PropertyFlags
{
    None = 0,

    /// <summary>Must be given (the schema's <c>requiredInputs</c>, or <c>required</c> for outputs and object types).</summary>
    Required = 1,

    /// <summary>The schema marks it <c>secret</c>.</summary>
    Secret = 2,

    /// <summary>
    /// An optional input the cloud fills in when the program leaves it out (Terraform's Optional+Computed): the default
    /// diff compares it only where the program sets it, and then, when the old inputs lack it, against the state.
    /// </summary>
    OptionalComputed = 4,
}

/// <summary>
/// The one declaration of a model's properties: name, codec, flags, and how to get and set each one. The same table
/// reads the model from properties and writes it back, so the two directions cannot drift apart. Built once per model
/// type, without reflection (the binary is Native AOT).
/// </summary>
public sealed class PropertyTable<TModel>
    where TModel : new()
{
    private readonly List<ModelProperty<TModel>> _properties = [];

    public IReadOnlyList<ModelProperty<TModel>> Properties => _properties;

    /// <summary>The shape the table declares, as a schema object would.</summary>
    public SchemaShape Shape => ShapeNamed(null);

    /// <summary>Declares a property of <paramref name="codec"/>'s type.</summary>
    public PropertyTable<TModel> Add<T>(string name, ValueCodec<T> codec, Func<TModel, Input<T>> get, Func<TModel, Input<T>, TModel> set, PropertyFlags flags = PropertyFlags.None)
    {
        if (_properties.Any(property => property.Name == name))
        {
            throw new ArgumentException($"property '{name}' is declared twice", nameof(name));
        }

        _properties.Add(new ModelProperty<TModel, T>(name, codec, get, set, flags));
        return this;
    }

    /// <summary>Declares every property of <paramref name="part"/>, a model this one holds (e.g. a state holding its inputs).</summary>
    public PropertyTable<TModel> Include<TPart>(PropertyTable<TPart> part, Func<TModel, TPart> get, Func<TModel, TPart, TModel> set)
        where TPart : new()
    {
        foreach (var property in part.Properties)
        {
            if (_properties.Any(existing => existing.Name == property.Name))
            {
                throw new ArgumentException($"property '{property.Name}' is declared twice", nameof(part));
            }

            _properties.Add(new IncludedProperty<TModel, TPart>(property, get, set));
        }

        return this;
    }

    /// <summary>
    /// Marks properties declared already (typically included ones) required here: a state always reports some inputs
    /// that a program may leave out, e.g. those with defaults.
    /// </summary>
    public PropertyTable<TModel> Require(params string[] names)
    {
        foreach (var name in names)
        {
            var index = _properties.FindIndex(property => property.Name == name);
            if (index < 0)
            {
                throw new ArgumentException($"property '{name}' is not declared", nameof(names));
            }

            _properties[index] = new FlaggedProperty<TModel>(_properties[index], _properties[index].Flags | PropertyFlags.Required);
        }

        return this;
    }

    /// <summary>The names of the properties with all of <paramref name="flags"/>.</summary>
    public IReadOnlySet<string> NamesWith(PropertyFlags flags) =>
        _properties.Where(property => (property.Flags & flags) == flags).Select(property => property.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads a model; keys the table does not declare are ignored.</summary>
    /// <param name="path">Where the map sits, for error paths; empty at the top level.</param>
    /// <exception cref="PropertyDecodeException">A value does not have the declared shape.</exception>
    public TModel Decode(PropertyMap map, string path = "") => Decode(map, path, tolerant: false);

    /// <summary>
    /// Reads values stored by the engine that only inform a call (a state, the old inputs of Check and Read): a property
    /// whose value no longer fits (written by an older version, say) is left out rather than refused, so it can never
    /// block a refresh or a delete.
    /// </summary>
    public TModel DecodeTolerant(PropertyMap map) => Decode(map, "", tolerant: true);

    private TModel Decode(PropertyMap map, string path, bool tolerant)
    {
        var model = new TModel();
        foreach (var property in _properties)
        {
            if (!map.TryGetValue(property.Name, out var value) || value.IsNull)
            {
                continue;
            }

            try
            {
                model = property.Decode(model, value, PropertyPath.Child(path, property.Name));
            }
            catch (PropertyDecodeException) when (tolerant)
            {
                // Left out: see DecodeTolerant.
            }
        }

        return model;
    }

    /// <summary>Writes a model; absent properties are left out.</summary>
    public PropertyMap Encode(TModel model) => PropertyMap.From(_properties
        .Select(property => KeyValuePair.Create(property.Name, property.Encode(model)))
        .Where(pair => !pair.Value.IsNull));

    /// <summary><paramref name="target"/> with every property that <paramref name="source"/> does not leave out taken from the source.</summary>
    public TModel Overlay(TModel target, TModel source)
    {
        foreach (var property in _properties)
        {
            target = property.Overlay(target, source);
        }

        return target;
    }

    internal SchemaShape ShapeNamed(string? name) => SchemaShape.ObjectOf(
        [.. _properties.Select(property => new SchemaProperty(
            property.Name,
            property.Shape,
            Required: property.Flags.HasFlag(PropertyFlags.Required),
            Secret: property.Flags.HasFlag(PropertyFlags.Secret)))],
        name);
}

/// <summary>One declared property of <typeparamref name="TModel"/>, with its type erased.</summary>
public abstract class ModelProperty<TModel>
{
    public abstract string Name { get; }

    public abstract PropertyFlags Flags { get; }

    public abstract SchemaShape Shape { get; }

    internal abstract TModel Decode(TModel model, PropertyValue value, string path);

    internal abstract PropertyValue Encode(TModel model);

    internal abstract TModel Overlay(TModel target, TModel source);
}

internal sealed class ModelProperty<TModel, T>(
    string name, ValueCodec<T> codec, Func<TModel, Input<T>> get, Func<TModel, Input<T>, TModel> set, PropertyFlags flags) : ModelProperty<TModel>
{
    public override string Name => name;

    public override PropertyFlags Flags => flags;

    public override SchemaShape Shape => codec.Shape;

    internal override TModel Decode(TModel model, PropertyValue value, string path) => set(model, codec.DecodeInput(value, path));

    internal override PropertyValue Encode(TModel model) => codec.EncodeInput(get(model));

    internal override TModel Overlay(TModel target, TModel source) => get(source) is { IsAbsent: false } value ? set(target, value) : target;
}

internal sealed class IncludedProperty<TModel, TPart>(ModelProperty<TPart> inner, Func<TModel, TPart> get, Func<TModel, TPart, TModel> set) : ModelProperty<TModel>
{
    public override string Name => inner.Name;

    public override PropertyFlags Flags => inner.Flags;

    public override SchemaShape Shape => inner.Shape;

    internal override TModel Decode(TModel model, PropertyValue value, string path) => set(model, inner.Decode(get(model), value, path));

    internal override PropertyValue Encode(TModel model) => inner.Encode(get(model));

    internal override TModel Overlay(TModel target, TModel source) => set(target, inner.Overlay(get(target), get(source)));
}

internal sealed class FlaggedProperty<TModel>(ModelProperty<TModel> inner, PropertyFlags flags) : ModelProperty<TModel>
{
    public override string Name => inner.Name;

    public override PropertyFlags Flags => flags;

    public override SchemaShape Shape => inner.Shape;

    internal override TModel Decode(TModel model, PropertyValue value, string path) => inner.Decode(model, value, path);

    internal override PropertyValue Encode(TModel model) => inner.Encode(model);

    internal override TModel Overlay(TModel target, TModel source) => inner.Overlay(target, source);
}
