using System.Globalization;
using System.Text.Json;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Configuration;

/// <summary>
/// Undoes the engine's config encodings: stack config arrives as strings and explicit-provider arguments
/// as JSON strings, so a string for a non-string variable is parsed to the type the schema declares.
/// The engine's <c>version</c> key and <c>__</c>-prefixed keys pass through untouched; secretness is kept.
/// </summary>
internal static class ConfigDecoder
{
    public const string VersionKey = "version";

    public static (PropertyMap Config, IReadOnlyList<CheckFailure> Failures) Decode(PropertyMap raw, PackageSchema schema)
    {
        var failures = new List<CheckFailure>();
        var decoded = PropertyMap.From(raw.Select(pair =>
        {
            if (IsReserved(pair.Key) || schema.ConfigVariableType(pair.Key) is not { } type)
            {
                return pair;
            }

            try
            {
                return KeyValuePair.Create(pair.Key, DecodeValue(pair.Value, type));
            }
            catch (FormatException exception)
            {
                failures.Add(new CheckFailure(pair.Key, exception.Message));
                return pair;
            }
        }));
        return (decoded, failures);
    }

    /// <summary>Config from the deprecated <c>variables</c> map (<c>pkg:config:key</c> = string), for engines that send no <c>args</c>.</summary>
    public static PropertyMap FromVariables(IReadOnlyDictionary<string, string> variables, string packageName)
    {
        var prefix = packageName + ":config:";
        return PropertyMap.From(variables.Select(pair => KeyValuePair.Create(
            pair.Key.StartsWith(prefix, StringComparison.Ordinal) ? pair.Key[prefix.Length..] : pair.Key,
            PropertyValue.From(pair.Value))));
    }

    public static bool IsReserved(string key) => key == VersionKey || key.StartsWith("__", StringComparison.Ordinal);

    private static PropertyValue DecodeValue(PropertyValue value, SchemaValueType type)
    {
        if (type == SchemaValueType.String || !value.TryGetString(out var text))
        {
            return value;
        }

        var parsed = type switch
        {
            SchemaValueType.Boolean => ParseBool(text),
            SchemaValueType.Integer or SchemaValueType.Number => ParseNumber(text, type),
            _ => ParseJson(text, type),
        };
        return parsed.WithSecret(value.IsSecret);
    }

    private static PropertyValue ParseBool(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRUE" => PropertyValue.From(true),
        "FALSE" => PropertyValue.From(false),
        _ => throw new FormatException("expected a boolean (true or false)"),
    };

    private static PropertyValue ParseNumber(string text, SchemaValueType type)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || (type == SchemaValueType.Integer && Math.Floor(number) != number))
        {
            throw new FormatException(type == SchemaValueType.Integer ? "expected an integer" : "expected a number");
        }

        return PropertyValue.From(number);
    }

    private static PropertyValue ParseJson(string text, SchemaValueType type)
    {
        try
        {
            var value = JsonPropertyReader.Read(text);
            var expected = type == SchemaValueType.Array ? PropertyValueKind.Array : PropertyValueKind.Object;
            return value.Kind == expected ? value : throw new FormatException($"expected JSON {(type == SchemaValueType.Array ? "array" : "object")}");
        }
        catch (JsonException)
        {
            throw new FormatException($"expected JSON {(type == SchemaValueType.Array ? "array" : "object")}");
        }
    }
}
