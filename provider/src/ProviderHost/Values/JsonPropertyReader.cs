using System.Text.Json;

namespace Otc.ProviderHost.Values;

/// <summary>Reads JSON text into property values (config values arrive JSON-encoded). Uses the JSON DOM only, so it is AOT-safe.</summary>
internal static class JsonPropertyReader
{
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static PropertyValue Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Convert(document.RootElement);
    }

    /// <summary>One element of a parsed document, e.g. a schema's <c>default</c>.</summary>
    public static PropertyValue Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => PropertyValue.From(true),
        JsonValueKind.False => PropertyValue.From(false),
        JsonValueKind.Number => PropertyValue.From(element.GetDouble()),
        JsonValueKind.String => PropertyValue.From(element.GetString()),
        JsonValueKind.Array => PropertyValue.From(element.EnumerateArray().Select(Convert).ToList()),
        JsonValueKind.Object => PropertyValue.From(PropertyMap.From(
            element.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, Convert(property.Value))))),
        _ => PropertyValue.Null,
    };
}
