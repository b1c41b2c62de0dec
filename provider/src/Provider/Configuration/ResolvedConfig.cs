using System.Globalization;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Configuration;

/// <summary>
/// The effective configuration: each key from the program's config, else from its environment variable. Values that
/// are unknown (preview) or malformed are tracked so checks can skip or name them; values themselves never reach a message.
/// </summary>
internal sealed class ResolvedConfig
{
    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _booleans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _integers = new(StringComparer.Ordinal);

    private ResolvedConfig()
    {
    }

    public List<CheckFailure> TypeFailures { get; } = [];

    public static ResolvedConfig Resolve(PropertyMap config, Func<string, string?> environment)
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
                resolved.Take(key, value, $"otc:{key.Name}");
            }
            else if (environment(key.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            {
                resolved.Take(key, PropertyValue.From(fromEnvironment), key.EnvironmentVariable);
            }
        }

        return resolved;
    }

    public bool IsUnknown(ConfigKey key) => _unknown.Contains(key.Name);

    public bool IsSet(ConfigKey key) => _text.ContainsKey(key.Name) || _booleans.ContainsKey(key.Name) || _integers.ContainsKey(key.Name);

    public string? Text(ConfigKey key) => _text.GetValueOrDefault(key.Name);

    public bool? Boolean(ConfigKey key) => _booleans.TryGetValue(key.Name, out var value) ? value : null;

    public int? Integer(ConfigKey key) => _integers.TryGetValue(key.Name, out var value) ? value : null;

    private static bool IsEmptyString(PropertyValue value) => value.TryGetString(out var text) && string.IsNullOrWhiteSpace(text);

    private void Take(ConfigKey key, PropertyValue value, string source)
    {
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
