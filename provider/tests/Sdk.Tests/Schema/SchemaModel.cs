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
    IReadOnlyList<ObjectTypeSchema> ObjectTypes,
    IReadOnlyList<EnumTypeSchema> EnumTypes);

public sealed record CSharpLanguage(
    string RootNamespace,
    IReadOnlyDictionary<string, string> Namespaces,
    IReadOnlyDictionary<string, string> PackageReferences,
    bool RespectSchemaVersion);

/// <summary>A resource; <see cref="StateInputs"/> is null when the schema declares no lookup state.</summary>
public sealed record ResourceSchema(
    string Token,
    IReadOnlyList<PropertySchema> Outputs,
    IReadOnlyList<PropertySchema> Inputs,
    IReadOnlyList<PropertySchema>? StateInputs);

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
