using System.Text.Json;

namespace Otc.Sdk.Tests.Schema;

/// <summary>The parts of a Pulumi package schema that decide the shape of the generated C# SDK.</summary>
public sealed record PackageSchema(
    string Name,
    string Version,
    CSharpLanguage CSharp,
    IReadOnlyList<PropertySchema> ConfigVariables,
    ResourceSchema Provider,
    IReadOnlyList<ResourceSchema> Resources,
    IReadOnlyList<FunctionSchema> Functions,
    IReadOnlyList<ObjectTypeSchema> ObjectTypes,
    IReadOnlyList<EnumTypeSchema> EnumTypes,
    PackageMetadata Metadata)
{
    /// <summary>
    /// The tokens of the object types that <paramref name="properties"/> refer to, directly or through arrays, maps and
    /// the properties of other object types.
    /// </summary>
    public IReadOnlySet<string> ObjectTypesReachableFrom(IEnumerable<PropertySchema> properties)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>(properties.Select(p => p.Type));
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ArrayTypeRef array:
                    pending.Push(array.Items);
                    break;
                case MapTypeRef map:
                    pending.Push(map.Values);
                    break;
                case NamedTypeRef named when ObjectTypes.SingleOrDefault(o => o.Token == named.Token) is { } objectType
                                              && found.Add(named.Token):
                    foreach (var property in objectType.Properties)
                    {
                        pending.Push(property.Type);
                    }
                    break;
                default:
                    break;
            }
        }
        return found;
    }
}

/// <summary>
/// The package's top-level metadata that reaches the SDK: the project file's authors and URLs, and where the plugin is
/// downloaded from. Each is null when the schema does not say.
/// </summary>
public sealed record PackageMetadata(string? Publisher, string? Homepage, string? Repository, string? PluginDownloadUrl);

/// <summary><c>language.csharp</c>; <see cref="Compatibility"/> is null when the schema names no compatibility mode.</summary>
public sealed record CSharpLanguage(
    string RootNamespace,
    IReadOnlyDictionary<string, string> Namespaces,
    IReadOnlyDictionary<string, string> PackageReferences,
    bool RespectSchemaVersion,
    string? Compatibility);

/// <summary>A resource; <see cref="StateInputs"/> is null when the schema declares no lookup state.</summary>
public sealed record ResourceSchema(
    string Token,
    IReadOnlyList<PropertySchema> Outputs,
    IReadOnlyList<PropertySchema> Inputs,
    IReadOnlyList<PropertySchema>? StateInputs);

/// <summary>
/// A function (an invoke) whose outputs are an object. <see cref="Inputs"/> is null when the schema declares no
/// <c>inputs</c>, <see cref="Outputs"/> when it declares no <c>outputs</c> (the function returns nothing).
/// </summary>
public sealed record FunctionSchema(
    string Token,
    IReadOnlyList<PropertySchema>? Inputs,
    IReadOnlyList<PropertySchema>? Outputs,
    string? DeprecationMessage);

/// <summary>
/// One property as seen from one place (outputs, inputs, state, config): <see cref="Required"/> already reflects
/// that place's required list.
/// </summary>
public sealed record PropertySchema(
    string Name,
    TypeRef Type,
    bool Required,
    bool Secret,
    bool ReplaceOnChanges,
    JsonElement? Default,
    IReadOnlyList<string> Environment,
    string? DeprecationMessage);

public sealed record ObjectTypeSchema(string Token, IReadOnlyList<PropertySchema> Properties);

public sealed record EnumTypeSchema(string Token, string UnderlyingType, IReadOnlyList<EnumValueSchema> Values);

public sealed record EnumValueSchema(string? Name, string Value, string? DeprecationMessage);

/// <summary>A schema type reference.</summary>
public abstract record TypeRef;

/// <summary><c>boolean</c>, <c>integer</c>, <c>number</c> or <c>string</c>.</summary>
public sealed record PrimitiveTypeRef(string Name) : TypeRef;

public sealed record ArrayTypeRef(TypeRef Items) : TypeRef;

public sealed record MapTypeRef(TypeRef Values) : TypeRef;

/// <summary>A <c>#/types/...</c> reference to an object or enum type.</summary>
public sealed record NamedTypeRef(string Token) : TypeRef;
