using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>
/// Reads an integer the cloud sends as a JSON number (or a string) into its decimal digits, never through a double:
/// <c>marker_id</c> has up to 18 digits in the documented examples, past the 2^53 a double holds exactly. Newtonsoft
/// reads integer literals as <see cref="long"/>, or <see cref="BigInteger"/> beyond that; a fractional literal (with
/// <see cref="FloatParseHandling.Decimal"/>) keeps its digits as a <see cref="decimal"/>.
/// </summary>
internal sealed class ExactIntegerConverter : JsonConverter<string?>
{
    public override string? ReadJson(JsonReader reader, Type objectType, string? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.TokenType switch
        {
            JsonToken.Null or JsonToken.Undefined => null,
            JsonToken.Integer or JsonToken.Float or JsonToken.String => Text(reader.Value),
            _ => throw new JsonSerializationException($"expected an integer at {reader.Path}, got {reader.TokenType}"),
        };
    }

    public override void WriteJson(JsonWriter writer, string? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            // Written back as the number it was read from.
            writer.WriteRawValue(value);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
