using System.Text.Json;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Schema;

/// <summary>
/// The facts the host needs from the package schema: which properties force a replace, which are secret, the declared
/// types of config variables, and the shapes (types, requiredness, defaults) of every resource's and function's inputs
/// and outputs. The JSON is parsed on first use, not at start-up.
/// </summary>
public sealed class PackageSchema
{
    private static readonly IReadOnlySet<string> NoProperties = new HashSet<string>(StringComparer.Ordinal);

    private readonly Lazy<SchemaIndex> _index;

    public PackageSchema(string json)
    {
        Text = json;
        _index = new Lazy<SchemaIndex>(() => SchemaIndex.Parse(json), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The schema exactly as given; returned verbatim by GetSchema.</summary>
    public string Text { get; }

    /// <summary>The type token of the package's provider resource, <c>pulumi:providers:{name}</c>; its rules are the schema's <c>provider</c>.</summary>
    public string ProviderToken => _index.Value.ProviderToken;

    /// <summary>Top-level properties of <paramref name="resourceToken"/> marked <c>replaceOnChanges: true</c>.</summary>
    public IReadOnlySet<string> ReplaceOnChanges(string resourceToken) =>
        _index.Value.ReplaceOnChanges.GetValueOrDefault(resourceToken, NoProperties);

    /// <summary>The names of <paramref name="resourceToken"/>'s <c>inputProperties</c>.</summary>
    public IReadOnlySet<string> InputProperties(string resourceToken) =>
        _index.Value.Inputs.GetValueOrDefault(resourceToken, NoProperties);

    /// <summary>Top-level inputs and outputs of <paramref name="resourceToken"/> marked <c>secret: true</c>.</summary>
    public IReadOnlySet<string> SecretProperties(string resourceToken) =>
        _index.Value.Secrets.GetValueOrDefault(resourceToken, NoProperties);

    /// <summary>The declared type of config variable <paramref name="key"/> (from <c>config.variables</c>, else the provider's inputs); null when undeclared.</summary>
    public SchemaValueType? ConfigVariableType(string key) =>
        _index.Value.ConfigTypes.TryGetValue(key, out var type) ? type : null;

    /// <summary>Config variables marked secret.</summary>
    public IReadOnlySet<string> SecretConfigVariables => _index.Value.SecretConfig;

    /// <summary>The <c>inputProperties</c> of <paramref name="resourceToken"/> (required: <c>requiredInputs</c>); null when the schema has no such resource.</summary>
    public SchemaShape? ResourceInputs(string resourceToken) => _index.Value.Shapes.GetValueOrDefault((resourceToken, ShapeRole.ResourceInputs));

    /// <summary>The <c>properties</c> of <paramref name="resourceToken"/> (required: <c>required</c>); null when the schema has no such resource.</summary>
    public SchemaShape? ResourceOutputs(string resourceToken) => _index.Value.Shapes.GetValueOrDefault((resourceToken, ShapeRole.ResourceOutputs));

    /// <summary>The <c>inputs</c> of function <paramref name="functionToken"/>; null when the schema has no such function.</summary>
    public SchemaShape? FunctionInputs(string functionToken) => _index.Value.Shapes.GetValueOrDefault((functionToken, ShapeRole.FunctionInputs));

    /// <summary>The <c>outputs</c> of function <paramref name="functionToken"/>; null when the schema has no such function.</summary>
    public SchemaShape? FunctionOutputs(string functionToken) => _index.Value.Shapes.GetValueOrDefault((functionToken, ShapeRole.FunctionOutputs));

    /// <summary>The last segment of a type or function token (<c>pkg:module:Name</c>): what messages call it.</summary>
    public static string ShortName(string token) => token[(token.LastIndexOf(':') + 1)..];

    private enum ShapeRole
    {
        ResourceInputs,
        ResourceOutputs,
        FunctionInputs,
        FunctionOutputs,
    }

    private sealed record SchemaIndex(
        string ProviderToken,
        Dictionary<string, IReadOnlySet<string>> ReplaceOnChanges,
        Dictionary<string, IReadOnlySet<string>> Secrets,
        Dictionary<string, IReadOnlySet<string>> Inputs,
        Dictionary<string, SchemaValueType> ConfigTypes,
        IReadOnlySet<string> SecretConfig,
        Dictionary<(string Token, ShapeRole Role), SchemaShape> Shapes)
    {
        public static SchemaIndex Parse(string json)
        {
            var replaces = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
            var secrets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
            var inputs = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
            var configTypes = new Dictionary<string, SchemaValueType>(StringComparer.Ordinal);
            var secretConfig = new HashSet<string>(StringComparer.Ordinal);
            var shapes = new Dictionary<(string, ShapeRole), SchemaShape>();

            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var types = new TypeResolver(root);
            var providerToken = "pulumi:providers:" + (root.TryGetProperty("name", out var name) ? name.GetString() : string.Empty);
            if (root.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Object)
            {
                foreach (var resource in resources.EnumerateObject())
                {
                    replaces[resource.Name] = FlaggedProperties(resource.Value, "replaceOnChanges");
                    secrets[resource.Name] = FlaggedProperties(resource.Value, "secret");
                    inputs[resource.Name] = resource.Value.TryGetProperty("inputProperties", out var declared) && declared.ValueKind == JsonValueKind.Object
                        ? declared.EnumerateObject().Select(property => property.Name).ToHashSet(StringComparer.Ordinal)
                        : NoProperties;
                    var resourceName = ShortName(resource.Name);
                    shapes[(resource.Name, ShapeRole.ResourceInputs)] = types.ObjectOf(resource.Value, "inputProperties", "requiredInputs", resourceName);
                    shapes[(resource.Name, ShapeRole.ResourceOutputs)] = types.ObjectOf(resource.Value, "properties", "required", resourceName);
                }
            }

            if (root.TryGetProperty("functions", out var functions) && functions.ValueKind == JsonValueKind.Object)
            {
                foreach (var function in functions.EnumerateObject())
                {
                    var functionName = ShortName(function.Name);
                    foreach (var (section, role) in new[] { ("inputs", ShapeRole.FunctionInputs), ("outputs", ShapeRole.FunctionOutputs) })
                    {
                        shapes[(function.Name, role)] = function.Value.TryGetProperty(section, out var declared) && declared.ValueKind == JsonValueKind.Object
                            ? types.ObjectOf(declared, "properties", "required", functionName)
                            : SchemaShape.ObjectOf([], functionName);
                    }
                }
            }

            // Provider inputs first, so config.variables (the stack-config view) wins where both declare a key.
            if (root.TryGetProperty("provider", out var provider))
            {
                replaces[providerToken] = FlaggedProperties(provider, "replaceOnChanges");
                if (provider.TryGetProperty("inputProperties", out var providerInputs))
                {
                    AddConfigTypes(providerInputs, types, configTypes, secretConfig);
                }
            }

            if (root.TryGetProperty("config", out var config) && config.TryGetProperty("variables", out var variables))
            {
                AddConfigTypes(variables, types, configTypes, secretConfig);
            }

            return new SchemaIndex(providerToken, replaces, secrets, inputs, configTypes, secretConfig, shapes);
        }

        private static HashSet<string> FlaggedProperties(JsonElement resource, string flag)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var section in (string[])["inputProperties", "properties"])
            {
                if (!resource.TryGetProperty(section, out var properties) || properties.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var property in properties.EnumerateObject())
                {
                    if (IsTrue(property.Value, flag))
                    {
                        names.Add(property.Name);
                    }
                }
            }

            return names;
        }

        private static void AddConfigTypes(JsonElement properties, TypeResolver resolver, Dictionary<string, SchemaValueType> types, HashSet<string> secret)
        {
            if (properties.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in properties.EnumerateObject())
            {
                types[property.Name] = resolver.ShapeOf(property.Value).Kind switch
                {
                    ShapeKind.String => SchemaValueType.String,
                    ShapeKind.Boolean => SchemaValueType.Boolean,
                    ShapeKind.Integer => SchemaValueType.Integer,
                    ShapeKind.Number => SchemaValueType.Number,
                    ShapeKind.Array => SchemaValueType.Array,
                    // Objects, maps, unions: all travel as JSON when string-encoded.
                    _ => SchemaValueType.Object,
                };
                if (IsTrue(property.Value, "secret"))
                {
                    secret.Add(property.Name);
                }
            }
        }

        private static bool IsTrue(JsonElement element, string flag) =>
            element.TryGetProperty(flag, out var value) && value.ValueKind == JsonValueKind.True;

        /// <summary>Turns schema property declarations into shapes, following <c>$ref</c>s into the schema's <c>types</c>.</summary>
        private sealed class TypeResolver(JsonElement root)
        {
            private const string LocalTypePrefix = "#/types/";
            private readonly Dictionary<string, SchemaShape> _resolved = new(StringComparer.Ordinal);
            private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

            /// <summary>The object declared by <paramref name="owner"/>'s <paramref name="section"/>, required names in <paramref name="requiredKey"/>.</summary>
            public SchemaShape ObjectOf(JsonElement owner, string section, string requiredKey, string? name)
            {
                var required = owner.TryGetProperty(requiredKey, out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToHashSet(StringComparer.Ordinal)
                    : [];
                var properties = new List<SchemaProperty>();
                if (owner.TryGetProperty(section, out var declared) && declared.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in declared.EnumerateObject())
                    {
                        properties.Add(new SchemaProperty(
                            property.Name,
                            ShapeOf(property.Value),
                            Required: required.Contains(property.Name),
                            Secret: IsTrue(property.Value, "secret"),
                            Default: property.Value.TryGetProperty("default", out var defaultValue) ? JsonPropertyReader.Convert(defaultValue) : null,
                            Description: property.Value.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String
                                ? description.GetString()
                                : null));
                    }
                }

                return SchemaShape.ObjectOf(properties, name);
            }

            public SchemaShape ShapeOf(JsonElement declaration)
            {
                if (declaration.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
                {
                    return Referenced(reference.GetString()!);
                }

                if (!declaration.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                {
                    // A union (oneOf) or an untyped property: the host does not judge it.
                    return SchemaShape.Any;
                }

                return type.GetString() switch
                {
                    "string" => SchemaShape.String,
                    "boolean" => SchemaShape.Boolean,
                    "integer" => SchemaShape.Integer,
                    "number" => SchemaShape.Number,
                    "array" => SchemaShape.ArrayOf(declaration.TryGetProperty("items", out var items) ? ShapeOf(items) : SchemaShape.Any),
                    "object" when declaration.TryGetProperty("properties", out _) => ObjectOf(declaration, "properties", "required", null),
                    "object" => SchemaShape.MapOf(declaration.TryGetProperty("additionalProperties", out var values) ? ShapeOf(values) : SchemaShape.Any),
                    _ => SchemaShape.Any,
                };
            }

            /// <summary>A type of this schema (an object type, or an enum: the shape of its values); anything else (pulumi.json's Any, Archive, ...) is not judged.</summary>
            private SchemaShape Referenced(string reference)
            {
                if (!reference.StartsWith(LocalTypePrefix, StringComparison.Ordinal))
                {
                    return SchemaShape.Any;
                }

                var token = Uri.UnescapeDataString(reference[LocalTypePrefix.Length..]);
                if (_resolved.TryGetValue(token, out var known))
                {
                    return known;
                }

                if (!root.TryGetProperty("types", out var types) || !types.TryGetProperty(token, out var type) || !_resolving.Add(token))
                {
                    // Undeclared, or a type that contains itself: not judged.
                    return SchemaShape.Any;
                }

                var shape = type.TryGetProperty("properties", out _)
                    ? ObjectOf(type, "properties", "required", ShortName(token))
                    : ShapeOf(type);
                _resolving.Remove(token);
                _resolved[token] = shape;
                return shape;
            }
        }
    }
}
