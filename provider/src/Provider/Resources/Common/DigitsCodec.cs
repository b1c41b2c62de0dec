using System.Globalization;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Resources.Common;

/// <summary>
/// An id made of decimal digits, kept as a string so no digit is lost: the cloud's marker ids have up to 18, more than a
/// Pulumi number (a double) holds exactly. States written before it became a string (0.1.0) hold a number; that number
/// reads back as its integer digits.
/// </summary>
internal sealed class DigitsCodec : ValueCodec<string>
{
    public static DigitsCodec Instance { get; } = new();

    public override SchemaShape Shape => SchemaShape.String;

    public override string Decode(PropertyValue value, string path)
    {
        if (value.TryGetString(out var text))
        {
            return text;
        }

        return value.TryGetNumber(out var number) && number == Math.Floor(number)
            ? ((decimal)number).ToString(CultureInfo.InvariantCulture)
            : throw new PropertyDecodeException(path, "must be a string of digits");
    }

    public override PropertyValue Encode(string value) => PropertyValue.From(value);
}
