using System.Text.Json;

namespace Otc.ProviderHost.Schema;

/// <summary>
/// The facts the host needs from the package schema: which properties force a replace, which are secret,
/// and the declared types of config variables. The JSON is parsed on first use, not at start-up.
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

    private sealed record SchemaIndex(
        string ProviderToken,
        Dictionary<string, IReadOnlySet<string>> ReplaceOnChanges,
        Dictionary<string, IReadOnlySet<string>> Secrets,
        Dictionary<string, IReadOnlySet<string>> Inputs,
        Dictionary<string, SchemaValueType> ConfigTypes,
        IReadOnlySet<string> SecretConfig)
    {
        public static SchemaIndex Parse(string json)
        {
            var replaces = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
            var secrets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
            var inputs = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
            var configTypes = new Dictionary<string, SchemaValueType>(StringComparer.Ordinal);
            var secretConfig = new HashSet<string>(StringComparer.Ordinal);

            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
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
                }
            }

            // Provider inputs first, so config.variables (the stack-config view) wins where both declare a key.
            if (root.TryGetProperty("provider", out var provider))
            {
                replaces[providerToken] = FlaggedProperties(provider, "replaceOnChanges");
                if (provider.TryGetProperty("inputProperties", out var providerInputs))
                {
                    AddConfigTypes(providerInputs, configTypes, secretConfig);
                }
            }

            if (root.TryGetProperty("config", out var config) && config.TryGetProperty("variables", out var variables))
            {
                AddConfigTypes(variables, configTypes, secretConfig);
            }

            return new SchemaIndex(providerToken, replaces, secrets, inputs, configTypes, secretConfig);
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

        private static void AddConfigTypes(JsonElement properties, Dictionary<string, SchemaValueType> types, HashSet<string> secret)
        {
            if (properties.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in properties.EnumerateObject())
            {
                types[property.Name] = TypeOf(property.Value);
                if (IsTrue(property.Value, "secret"))
                {
                    secret.Add(property.Name);
                }
            }
        }

        private static SchemaValueType TypeOf(JsonElement property)
        {
            if (!property.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                // A $ref or a union: both travel as JSON when string-encoded.
                return SchemaValueType.Object;
            }

            return type.GetString() switch
            {
                "string" => SchemaValueType.String,
                "boolean" => SchemaValueType.Boolean,
                "integer" => SchemaValueType.Integer,
                "number" => SchemaValueType.Number,
                "array" => SchemaValueType.Array,
                _ => SchemaValueType.Object,
            };
        }

        private static bool IsTrue(JsonElement element, string flag) =>
            element.TryGetProperty(flag, out var value) && value.ValueKind == JsonValueKind.True;
    }
}
