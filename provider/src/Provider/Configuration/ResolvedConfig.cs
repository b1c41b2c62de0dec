using System.Globalization;
using Otc.CloudClient;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Configuration;

/// <summary>Where a setting came from, in the order they win: the program's <c>otc:</c> config, then the environment, then clouds.yaml.</summary>
internal enum ConfigSource
{
    Config,
    Environment,
    CloudsFile,
}

/// <summary>
/// The effective configuration: each key from the program's config, else from the first of its environment variables
/// that is set, else from the clouds.yaml cloud that <c>otc:cloud</c> or <c>OS_CLOUD</c> names. Values that are unknown
/// (preview) or malformed are tracked so checks can skip or name them; each value's origin is kept for messages, the
/// values themselves never reach one.
/// </summary>
internal sealed class ResolvedConfig
{
    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _booleans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _integers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ConfigSource Source, string Where)> _origins = new(StringComparer.Ordinal);

    private ResolvedConfig()
    {
    }

    public List<CheckFailure> TypeFailures { get; } = [];

    /// <summary>Why the named cloud could not be read (no clouds.yaml, no such cloud, not YAML); null when it was, or none is named.</summary>
    public string? CloudProblem { get; private set; }

    /// <param name="loadCloud">Reads the named cloud; throws <see cref="OtcConfigurationException"/> when it cannot.</param>
    public static ResolvedConfig Resolve(PropertyMap config, Func<string, string?> environment, Func<string, CloudEntry> loadCloud)
    {
        var resolved = new ResolvedConfig();
        foreach (var key in ConfigKeys.All)
        {
            var value = config.GetOrNull(key.Name);
            if (value.IsUnknown)
            {
                resolved._unknown.Add(key.Name);
            }
            else if (!value.IsNull && !IsEmptyString(value))
            {
                resolved.Take(key, value, ConfigSource.Config, $"otc:{key.Name}");
            }
            else if (key.EnvironmentVariables.FirstOrDefault(name => environment(name) is { Length: > 0 }) is { } variable)
            {
                resolved.Take(key, PropertyValue.From(environment(variable)!), ConfigSource.Environment, variable);
            }
        }

        if (resolved.Text(ConfigKeys.Cloud) is { } cloudName)
        {
            resolved.TakeCloud(cloudName, loadCloud);
        }

        return resolved;
    }

    /// <summary>Where <paramref name="key"/>'s value came from, e.g. <c>otc:token</c>, <c>OS_AUTH_TOKEN</c> or <c>auth.sk of cloud 'prod' in …/clouds.yaml</c>.</summary>
    public string? Origin(ConfigKey key) => _origins.TryGetValue(key.Name, out var origin) ? origin.Where : null;

    public ConfigSource? Source(ConfigKey key) => _origins.TryGetValue(key.Name, out var origin) ? origin.Source : null;

    /// <summary>The value DiffConfig compares: unknown, the resolved text, or null.</summary>
    public PropertyValue Placement(ConfigKey key) =>
        IsUnknown(key) ? PropertyValue.Unknown : Text(key) is { } text ? PropertyValue.From(text) : PropertyValue.Null;

    public bool IsUnknown(ConfigKey key) => _unknown.Contains(key.Name);

    public bool IsSet(ConfigKey key) => _text.ContainsKey(key.Name) || _booleans.ContainsKey(key.Name) || _integers.ContainsKey(key.Name);

    public string? Text(ConfigKey key) => _text.GetValueOrDefault(key.Name);

    public bool? Boolean(ConfigKey key) => _booleans.TryGetValue(key.Name, out var value) ? value : null;

    public int? Integer(ConfigKey key) => _integers.TryGetValue(key.Name, out var value) ? value : null;

    private static bool IsEmptyString(PropertyValue value) => value.TryGetString(out var text) && string.IsNullOrWhiteSpace(text);

    private void TakeCloud(string cloudName, Func<string, CloudEntry> loadCloud)
    {
        CloudEntry cloud;
        try
        {
            cloud = loadCloud(cloudName);
        }
        catch (OtcConfigurationException problem)
        {
            CloudProblem = problem.Message;
            return;
        }

        foreach (var key in ConfigKeys.All)
        {
            if (key.FromCloud?.Invoke(cloud) is { } setting && !IsSet(key) && !IsUnknown(key))
            {
                Take(key, PropertyValue.From(setting.Value), ConfigSource.CloudsFile, $"{setting.Key} of cloud '{cloud.Name}' in {cloud.Origin}");
            }
        }
    }

    private void Take(ConfigKey key, PropertyValue value, ConfigSource origin, string source)
    {
        _origins[key.Name] = (origin, source);
        switch (key.Type)
        {
            case ConfigValueType.Boolean when value.TryGetBool(out var flag):
                _booleans[key.Name] = flag;
                break;
            case ConfigValueType.Boolean when value.TryGetString(out var text) && TryParseBoolean(text, out var parsed):
                _booleans[key.Name] = parsed;
                break;
            case ConfigValueType.Integer when value.TryGetNumber(out var number) && number == Math.Floor(number) && number is >= 0 and <= int.MaxValue:
                _integers[key.Name] = (int)number;
                break;
            case ConfigValueType.Integer when value.TryGetString(out var text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed):
                _integers[key.Name] = parsed;
                break;
            case ConfigValueType.String when value.TryGetString(out var text):
                _text[key.Name] = text;
                break;
            default:
                _origins.Remove(key.Name);
                TypeFailures.Add(new CheckFailure(key.Name, $"{source} must be {Describe(key.Type)}"));
                break;
        }
    }

    private static string Describe(ConfigValueType type) => type switch
    {
        ConfigValueType.Boolean => "a boolean (true or false)",
        ConfigValueType.Integer => "a non-negative integer",
        _ => "a string",
    };

    private static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES":
                value = true;
                return true;
            case "FALSE" or "0" or "NO":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
