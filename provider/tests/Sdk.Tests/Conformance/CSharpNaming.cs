using System.Globalization;
using System.Text.Json;
using Otc.Sdk.Tests.Schema;

namespace Otc.Sdk.Tests.Conformance;

/// <summary>Which generated class a property list belongs to; decides how nested object types are named.</summary>
public enum InputShape
{
    /// <summary><c>XArgs</c> classes: nested objects are <c>Inputs.TArgs</c>.</summary>
    Args,

    /// <summary><c>XState</c> classes and <c>TGetArgs</c>: nested objects are <c>Inputs.TGetArgs</c>.</summary>
    State,

    /// <summary>
    /// A function's <c>XArgs</c> class (the argument of <c>InvokeAsync</c>): plain values instead of
    /// <c>Input&lt;T&gt;</c>, arrays as <c>List&lt;T&gt;</c> and maps as <c>Dictionary&lt;string, T&gt;</c>.
    /// </summary>
    Plain,
}

/// <summary>
/// The C# names and type spellings that Pulumi's dotnet code generator derives from a schema, written down from
/// its rules: namespaces, class names of resources, functions and object types, property names,
/// <c>Input&lt;T&gt;</c>/<c>InputList</c>/<c>InputMap</c> wrapping, plain function arguments, optional markers,
/// output collections and enum member names.
/// </summary>
public sealed class CSharpNaming(PackageSchema schema)
{
    // Codegen's compatibility modes rename types; tfbridge20 only renames the output classes of function types.
    private readonly bool _resultSuffixOnFunctionTypes = schema.CSharp.Compatibility switch
    {
        "tfbridge20" => true,
        "kubernetes20" => throw new NotSupportedException("The kubernetes20 compatibility mode names namespaces and types differently; extend the naming rules first."),
        _ => false,
    };

    // The object types codegen calls "plain": reached from a function's inputs or outputs.
    private readonly IReadOnlySet<string> _functionObjectTypes = FunctionObjectTypes(schema);

    /// <summary><c>Pulumi.Otc</c>: the root namespace plus the package's namespace segment.</summary>
    public string PackageNamespace => schema.CSharp.RootNamespace + "." + NamespaceSegment(schema.Name);

    /// <summary>The prefix of the package-specific resource type attribute, e.g. <c>Otc</c> for <c>[OtcResourceType]</c>.</summary>
    public string ResourceTypeAttributePrefix => NamespaceSegment(schema.Name);

    public string ModuleNamespace(string token)
    {
        var module = TypeToken.Parse(token).Module;
        return module.Length == 0 || module == "index" ? PackageNamespace : PackageNamespace + "." + NamespaceSegment(module);
    }

    public static string MemberName(string token) => UppercaseFirst(TypeToken.Parse(token).Member);

    /// <summary>
    /// The static class of a function: its member name, with <c>Function</c> appended when that name would clash
    /// with the <c>Invoke</c>/<c>InvokeAsync</c> methods inside it.
    /// </summary>
    public static string FunctionClassName(string token)
    {
        var name = MemberName(token);
        return name.Equals("Invoke", StringComparison.OrdinalIgnoreCase) || name.Equals("InvokeAsync", StringComparison.OrdinalIgnoreCase)
            ? name + "Function"
            : name;
    }

    /// <summary>
    /// The class name of an object type's <c>[OutputType]</c> class. Only in the tfbridge20 compatibility mode does
    /// codegen append <c>Result</c>, and only to types that a function's inputs or outputs reach; otherwise a type
    /// that only a function returns is named like any other (<c>Outputs.GetPublicServicesService</c>).
    /// </summary>
    public string OutputObjectName(string token) =>
        MemberName(token) + (_resultSuffixOnFunctionTypes && _functionObjectTypes.Contains(token) ? "Result" : "");

    /// <summary>The C# property name for a wire name: hyphens removed camel-style, first letter upper-cased.</summary>
    public static string PropertyName(string wireName)
    {
        var parts = wireName.Split('-');
        return UppercaseFirst(parts[0] + string.Concat(parts.Skip(1).Select(UppercaseFirst)));
    }

    public static string EnumMemberName(EnumValueSchema value)
    {
        var raw = value.Name ?? value.Value;
        var identifier = string.Concat(raw.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_'));
        return UppercaseFirst(identifier);
    }

    /// <summary>The type of an <c>[Output]</c> property, inside <c>Output&lt;...&gt;</c>.</summary>
    public string ResourceOutputType(PropertySchema property, string currentNamespace, bool isProvider)
    {
        var plain = PlainType(property.Type, currentNamespace, "Outputs", InputShape.Args, input: false);
        // Providers receive their inputs back as strings, so non-primitive provider outputs are strings.
        if (isProvider && property.Type is not PrimitiveTypeRef)
        {
            plain = "string";
        }
        return "Output<" + OptionalOutput(plain, property) + ">";
    }

    /// <summary>The type of a <c>public readonly</c> field or constructor parameter of an <c>[OutputType]</c> class.</summary>
    public string OutputFieldType(PropertySchema property, string currentNamespace) =>
        OptionalOutput(PlainType(property.Type, currentNamespace, "Outputs", InputShape.Args, input: false), property);

    /// <summary>The public property type of an <c>[Input]</c> member of an args, state, input-object or function args class.</summary>
    public string InputPropertyType(PropertySchema property, string currentNamespace, InputShape shape) => (shape, property.Type) switch
    {
        (InputShape.Plain, ArrayTypeRef array) => "List<" + PlainType(array.Items, currentNamespace, "Inputs", shape, input: true) + ">",
        (InputShape.Plain, MapTypeRef map) => "Dictionary<string," + PlainType(map.Values, currentNamespace, "Inputs", shape, input: true) + ">",
        (InputShape.Plain, _) => PlainType(property.Type, currentNamespace, "Inputs", shape, input: true) + (property.Required ? "" : "?"),
        (_, ArrayTypeRef array) => "InputList<" + PlainType(array.Items, currentNamespace, "Inputs", shape, input: true) + ">",
        (_, MapTypeRef map) => "InputMap<" + PlainType(map.Values, currentNamespace, "Inputs", shape, input: true) + ">",
        _ => "Input<" + PlainType(property.Type, currentNamespace, "Inputs", shape, input: true) + ">" + (property.Required ? "" : "?"),
    };

    /// <summary>
    /// The right-hand side the args constructor assigns for a schema default (a literal, an enum member, an
    /// environment lookup, or both joined with <c>??</c>); null when the property has neither.
    /// </summary>
    public string? DefaultExpression(PropertySchema property)
    {
        string? literal = null;
        if (property.Default is JsonElement value)
        {
            literal = property.Type is NamedTypeRef named
                ? EnumDefault(named.Token, value)
                : value.ValueKind switch
                {
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.String => JsonSerializer.Serialize(value.GetString()),
                    _ => value.GetRawText(),
                };
        }
        if (property.Environment.Count == 0)
        {
            return literal;
        }
        var getter = property.Type is PrimitiveTypeRef { Name: var primitive } ? primitive switch
        {
            "boolean" => "GetEnvBoolean",
            "integer" => "GetEnvInt32",
            "number" => "GetEnvDouble",
            _ => "GetEnv",
        } : "GetEnv";
        var lookup = "Utilities." + getter + "(" + string.Join(",", property.Environment.Select(e => JsonSerializer.Serialize(e))) + ")";
        return literal is null ? lookup : lookup + "??" + literal;
    }

    /// <summary>The <c>Config</c> property type and the <c>global::Pulumi.Config</c> method that reads it.</summary>
    public static (string Type, string Getter) ConfigAccess(PropertySchema variable) => variable.Type switch
    {
        PrimitiveTypeRef { Name: "string" } => ("string?", "Get"),
        PrimitiveTypeRef { Name: "boolean" } => ("bool?", "GetBoolean"),
        PrimitiveTypeRef { Name: "integer" } => ("int?", "GetInt32"),
        PrimitiveTypeRef { Name: "number" } => ("double?", "GetDouble"),
        _ => throw new NotSupportedException($"Config variable '{variable.Name}' has a non-primitive type; extend the naming rules first."),
    };

    private string EnumDefault(string token, JsonElement value)
    {
        var enumType = schema.EnumTypes.Single(e => e.Token == token);
        var member = enumType.Values.SingleOrDefault(v => v.Value == value.ToString());
        return member is null
            ? "<default " + value + " is not a value of " + token + ">"
            : ModuleNamespace(token) + "." + MemberName(token) + "." + EnumMemberName(member);
    }

    private static string OptionalOutput(string plain, PropertySchema property) =>
        // Optional arrays stay non-nullable: ImmutableArray<T> has a default value of its own.
        property.Required || property.Type is ArrayTypeRef ? plain : plain + "?";

    private string PlainType(TypeRef type, string currentNamespace, string qualifier, InputShape shape, bool input) => type switch
    {
        PrimitiveTypeRef { Name: "boolean" } => "bool",
        PrimitiveTypeRef { Name: "integer" } => "int",
        PrimitiveTypeRef { Name: "number" } => "double",
        PrimitiveTypeRef { Name: "string" } => "string",
        ArrayTypeRef array => "ImmutableArray<" + PlainType(array.Items, currentNamespace, qualifier, shape, input) + ">",
        MapTypeRef map => "ImmutableDictionary<string," + PlainType(map.Values, currentNamespace, qualifier, shape, input) + ">",
        NamedTypeRef named when schema.EnumTypes.Any(e => e.Token == named.Token) => ModuleNamespace(named.Token) + "." + MemberName(named.Token),
        NamedTypeRef named => ObjectTypeName(named.Token, currentNamespace, qualifier, shape, input),
        _ => throw new NotSupportedException($"No C# spelling for {type}."),
    };

    private string ObjectTypeName(string token, string currentNamespace, string qualifier, InputShape shape, bool input)
    {
        var typeNamespace = ModuleNamespace(token) + "." + qualifier;
        var prefix = typeNamespace == currentNamespace + "." + qualifier ? qualifier : typeNamespace;
        if (!input)
        {
            return prefix + "." + OutputObjectName(token);
        }
        return prefix + "." + MemberName(token) + (shape == InputShape.State ? "GetArgs" : "Args");
    }

    private static IReadOnlySet<string> FunctionObjectTypes(PackageSchema schema)
    {
        if (schema.ObjectTypesReachableFrom(schema.Functions.SelectMany(f => f.Inputs ?? [])).Count > 0)
        {
            // Codegen gives these plain input classes (and, in tfbridge20, InputArgs classes) of their own.
            throw new NotSupportedException("A function input refers to an object type; extend the naming rules first.");
        }
        return schema.ObjectTypesReachableFrom(schema.Functions.SelectMany(f => f.Outputs ?? []));
    }

    private string NamespaceSegment(string name) =>
        schema.CSharp.Namespaces.TryGetValue(name, out var mapped)
            ? mapped
            : string.Join(".", name.Split('/').Select(part => string.Concat(part.Split('-').Select(UppercaseFirst))));

    private static string UppercaseFirst(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
