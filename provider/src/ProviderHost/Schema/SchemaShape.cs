using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Schema;

/// <summary>The JSON shapes a schema property can declare.</summary>
public enum ShapeKind
{
    /// <summary>Anything (an undeclared or untyped property): never judged.</summary>
    Any,
    String,
    Boolean,
    Integer,
    Number,
    Array,

    /// <summary>An object with <c>additionalProperties</c>: string keys, values of one shape.</summary>
    Map,

    /// <summary>An object with declared <c>properties</c> (an object type, or a resource's or function's inputs and outputs).</summary>
    Object,
}

/// <summary>
/// What a value must look like: read from the schema the binary serves (<see cref="PackageSchema"/>), and declared by
/// every typed model (<see cref="Models.PropertyTable{TModel}.Shape"/>), so a test can hold the two side by side.
/// </summary>
/// <param name="Element">The items of an array, the values of a map.</param>
/// <param name="Properties">The properties of an object, in declaration order.</param>
/// <param name="Name">How messages name an object type, e.g. <c>PortMapping</c>; null for other shapes.</param>
public sealed record SchemaShape(ShapeKind Kind, SchemaShape? Element = null, IReadOnlyList<SchemaProperty>? Properties = null, string? Name = null)
{
    public static SchemaShape Any { get; } = new(ShapeKind.Any);

    public static SchemaShape String { get; } = new(ShapeKind.String);

    public static SchemaShape Boolean { get; } = new(ShapeKind.Boolean);

    public static SchemaShape Integer { get; } = new(ShapeKind.Integer);

    public static SchemaShape Number { get; } = new(ShapeKind.Number);

    public static SchemaShape ArrayOf(SchemaShape items) => new(ShapeKind.Array, items);

    public static SchemaShape MapOf(SchemaShape values) => new(ShapeKind.Map, values);

    public static SchemaShape ObjectOf(IReadOnlyList<SchemaProperty> properties, string? name = null) => new(ShapeKind.Object, Properties: properties, Name: name);

    /// <summary>The declared property <paramref name="name"/> of an object shape, or null.</summary>
    public SchemaProperty? Property(string name) => Properties?.FirstOrDefault(property => property.Name == name);

    /// <summary>How messages describe a value of this shape: "a string", "a list", ...</summary>
    public string Phrase => Kind switch
    {
        ShapeKind.String => "a string",
        ShapeKind.Boolean => "a boolean",
        ShapeKind.Integer => "an integer",
        ShapeKind.Number => "a number",
        ShapeKind.Array => Element is { Kind: not ShapeKind.Any } items ? $"a list of {Plural(items)}" : "a list",
        ShapeKind.Map => Element is { Kind: not ShapeKind.Any } values ? $"a map of {Plural(values)}" : "a map",
        ShapeKind.Object => Name is null ? "an object" : $"an object ({Name})",
        _ => "a value",
    };

    public override string ToString() => Kind switch
    {
        ShapeKind.Array or ShapeKind.Map => $"{Kind.ToString().ToLowerInvariant()}<{Element}>",
        ShapeKind.Object => Name ?? "object",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    private static string Plural(SchemaShape shape) => shape.Kind switch
    {
        ShapeKind.String => "strings",
        ShapeKind.Boolean => "booleans",
        ShapeKind.Integer => "integers",
        ShapeKind.Number => "numbers",
        ShapeKind.Object => shape.Name is null ? "objects" : $"{shape.Name} objects",
        _ => "values",
    };
}

/// <summary>One declared property: its name, shape and the flags the host acts on.</summary>
/// <param name="Default">The schema's <c>default</c>, applied where inputs leave the property out.</param>
/// <param name="Description">The schema's description; its first sentence completes the messages about the property.</param>
public sealed record SchemaProperty(
    string Name,
    SchemaShape Shape,
    bool Required = false,
    bool Secret = false,
    PropertyValue? Default = null,
    string? Description = null);
