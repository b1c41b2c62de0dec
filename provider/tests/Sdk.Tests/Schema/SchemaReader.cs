using System.Text.Json;

namespace Otc.Sdk.Tests.Schema;

/// <summary>Reads <c>schema.json</c> text into a <see cref="PackageSchema"/>.</summary>
public static class SchemaReader
{
    private const string TypeRefPrefix = "#/types/";

    public static PackageSchema Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var types = root.TryGetProperty("types", out var typesElement)
            ? typesElement.EnumerateObject().ToList()
            : [];
        var objectTypes = types
            .Where(t => t.Value.GetProperty("type").GetString() == "object")
            .Select(t => new ObjectTypeSchema(t.Name, ReadProperties(t.Value, "properties", RequiredNames(t.Value, "required"))))
            .ToList();
        var enumTypes = types
            .Where(t => t.Value.TryGetProperty("enum", out _))
            .Select(t => ReadEnum(t.Name, t.Value))
            .ToList();

        var config = root.TryGetProperty("config", out var configElement)
            ? ReadProperties(configElement, "variables", new HashSet<string>())
            : [];
        var resources = root.TryGetProperty("resources", out var resourcesElement)
            ? resourcesElement.EnumerateObject().Select(r => ReadResource(r.Name, r.Value)).ToList()
            : [];
        var functions = root.TryGetProperty("functions", out var functionsElement)
            ? functionsElement.EnumerateObject().Select(f => ReadFunction(f.Name, f.Value)).ToList()
            : [];

        return new PackageSchema(
            root.GetProperty("name").GetString()!,
            root.GetProperty("version").GetString()!,
            ReadCSharpLanguage(root),
            config,
            ReadResource("pulumi:providers:" + root.GetProperty("name").GetString(), root.GetProperty("provider")),
            resources,
            functions,
            objectTypes,
            enumTypes,
            new PackageMetadata(
                OptionalString(root, "publisher"), OptionalString(root, "homepage"), OptionalString(root, "repository"), OptionalString(root, "pluginDownloadURL")));
    }

    private static string? OptionalString(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static ResourceSchema ReadResource(string token, JsonElement resource)
    {
        IReadOnlyList<PropertySchema>? stateInputs = resource.TryGetProperty("stateInputs", out var state)
            ? ReadProperties(state, "properties", new HashSet<string>())
            : null;
        return new ResourceSchema(
            token,
            ReadProperties(resource, "properties", RequiredNames(resource, "required")),
            ReadProperties(resource, "inputProperties", RequiredNames(resource, "requiredInputs")),
            stateInputs);
    }

    private static FunctionSchema ReadFunction(string token, JsonElement function)
    {
        // The schema lists the inputs that become separate parameters.
        if (function.TryGetProperty("multiArgumentInputs", out var multiArgument) && multiArgument.ValueKind == JsonValueKind.Array && multiArgument.GetArrayLength() > 0)
        {
            throw new NotSupportedException($"Function '{token}' uses multiArgumentInputs, whose C# shape these checks do not know; extend them first.");
        }
        IReadOnlyList<PropertySchema>? inputs = function.TryGetProperty("inputs", out var inputsElement)
            ? ReadProperties(inputsElement, "properties", RequiredNames(inputsElement, "required"))
            : null;
        IReadOnlyList<PropertySchema>? outputs = null;
        if (function.TryGetProperty("outputs", out var outputsElement))
        {
            // An object with properties is returned as a Result class; anything else goes through InvokeSingle.
            if (outputsElement.TryGetProperty("$ref", out _)
                || (outputsElement.TryGetProperty("type", out var type) && type.GetString() != "object")
                || !outputsElement.TryGetProperty("properties", out _))
            {
                throw new NotSupportedException($"Function '{token}' returns something other than an object of properties; extend the checks first.");
            }
            outputs = ReadProperties(outputsElement, "properties", RequiredNames(outputsElement, "required"));
        }
        return new FunctionSchema(
            token,
            inputs,
            outputs,
            function.TryGetProperty("deprecationMessage", out var deprecation) ? deprecation.GetString() : null);
    }

    private static HashSet<string> RequiredNames(JsonElement owner, string listName) =>
        owner.TryGetProperty(listName, out var list)
            ? list.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];

    private static List<PropertySchema> ReadProperties(JsonElement owner, string mapName, HashSet<string> required)
    {
        if (!owner.TryGetProperty(mapName, out var map))
        {
            return [];
        }
        return map.EnumerateObject()
            .Select(p => ReadProperty(p.Name, p.Value, required.Contains(p.Name)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static PropertySchema ReadProperty(string name, JsonElement spec, bool required)
    {
        var environment = spec.TryGetProperty("defaultInfo", out var defaultInfo)
            ? defaultInfo.GetProperty("environment").EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];
        return new PropertySchema(
            name,
            ReadTypeRef(spec),
            required,
            Flag(spec, "secret"),
            Flag(spec, "replaceOnChanges"),
            spec.TryGetProperty("default", out var defaultValue) ? defaultValue.Clone() : null,
            environment,
            spec.TryGetProperty("deprecationMessage", out var deprecation) ? deprecation.GetString() : null);
    }

    private static bool Flag(JsonElement spec, string name) =>
        spec.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static TypeRef ReadTypeRef(JsonElement spec)
    {
        if (spec.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString()!;
            if (!target.StartsWith(TypeRefPrefix, StringComparison.Ordinal))
            {
                throw new NotSupportedException($"Only local type references are supported, not '{target}'.");
            }
            return new NamedTypeRef(target[TypeRefPrefix.Length..]);
        }
        var type = spec.GetProperty("type").GetString()!;
        return type switch
        {
            "array" => new ArrayTypeRef(ReadTypeRef(spec.GetProperty("items"))),
            "object" => new MapTypeRef(
                spec.TryGetProperty("additionalProperties", out var values) ? ReadTypeRef(values) : new PrimitiveTypeRef("string")),
            _ => new PrimitiveTypeRef(type),
        };
    }

    private static EnumTypeSchema ReadEnum(string token, JsonElement spec)
    {
        var values = spec.GetProperty("enum").EnumerateArray()
            .Select(v => new EnumValueSchema(
                v.TryGetProperty("name", out var n) ? n.GetString() : null,
                v.GetProperty("value").ToString(),
                v.TryGetProperty("deprecationMessage", out var d) ? d.GetString() : null))
            .ToList();
        return new EnumTypeSchema(token, spec.GetProperty("type").GetString()!, values);
    }

    private static CSharpLanguage ReadCSharpLanguage(JsonElement root)
    {
        var csharp = root.TryGetProperty("language", out var language) && language.TryGetProperty("csharp", out var c)
            ? c
            : default;
        if (csharp.ValueKind != JsonValueKind.Object)
        {
            return new CSharpLanguage("Pulumi", new Dictionary<string, string>(), new Dictionary<string, string>(), false, null);
        }
        return new CSharpLanguage(
            csharp.TryGetProperty("rootNamespace", out var rootNamespace) ? rootNamespace.GetString()! : "Pulumi",
            StringMap(csharp, "namespaces"),
            StringMap(csharp, "packageReferences"),
            Flag(csharp, "respectSchemaVersion"),
            csharp.TryGetProperty("compatibility", out var compatibility) ? compatibility.GetString() : null);
    }

    private static Dictionary<string, string> StringMap(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var map)
            ? map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : [];
}
