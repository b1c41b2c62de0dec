using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Resources;

/// <summary>Typed reads from fully known property maps; a wrong shape is a <see cref="PropertyDecodeException"/> naming the path.</summary>
internal static class PropertyDecoding
{
    public static string RequiredString(PropertyMap map, string key) =>
        OptionalString(map, key) ?? throw new PropertyDecodeException(key, "is required");

    public static string? OptionalString(PropertyMap map, string key)
    {
        var value = map.GetOrNull(key);
        if (value.IsNull)
        {
            return null;
        }

        return value.TryGetString(out var text) ? text : throw new PropertyDecodeException(key, "must be a string");
    }

    /// <summary>
    /// An id made of digits, kept as a string so no digit is lost (a Pulumi number is a double). States written before
    /// it became a string hold a number; that number is read back as its integer digits.
    /// </summary>
    public static string? OptionalDigits(PropertyMap map, string key)
    {
        var value = map.GetOrNull(key);
        if (value.IsNull)
        {
            return null;
        }

        if (value.TryGetString(out var text))
        {
            return text;
        }

        return value.TryGetNumber(out var number) && number == Math.Floor(number)
            ? ((decimal)number).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new PropertyDecodeException(key, "must be a string of digits");
    }

    public static bool? OptionalBool(PropertyMap map, string key)
    {
        var value = map.GetOrNull(key);
        if (value.IsNull)
        {
            return null;
        }

        return value.TryGetBool(out var flag) ? flag : throw new PropertyDecodeException(key, "must be a boolean");
    }

    public static int Integer(PropertyValue value, string path)
    {
        if (!value.TryGetNumber(out var number) || number != Math.Floor(number) || number < int.MinValue || number > int.MaxValue)
        {
            throw new PropertyDecodeException(path, "must be an integer");
        }

        return (int)number;
    }

    public static IReadOnlyList<string>? OptionalStringList(PropertyMap map, string key)
    {
        var value = map.GetOrNull(key);
        if (value.IsNull)
        {
            return null;
        }

        if (!value.TryGetArray(out var items))
        {
            throw new PropertyDecodeException(key, "must be a list of strings");
        }

        return [.. items.Select((item, index) => item.TryGetString(out var text)
            ? text
            : throw new PropertyDecodeException($"{key}[{index}]", "must be a string"))];
    }

    public static IReadOnlyDictionary<string, string>? OptionalStringMap(PropertyMap map, string key)
    {
        var value = map.GetOrNull(key);
        if (value.IsNull)
        {
            return null;
        }

        if (!value.TryGetObject(out var entries))
        {
            throw new PropertyDecodeException(key, "must be a map of strings");
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entryKey, entryValue) in entries)
        {
            result[entryKey] = entryValue.TryGetString(out var text)
                ? text
                : throw new PropertyDecodeException(PropertyDiffer.ChildPath(key, entryKey), "must be a string");
        }

        return result;
    }

    public static PropertyValue StringList(IEnumerable<string> items) => PropertyValue.From(items.Select(PropertyValue.From));

    /// <summary><paramref name="properties"/> with each of <paramref name="values"/> that is set; null values are left out.</summary>
    public static PropertyMap WithStrings(PropertyMap properties, params ReadOnlySpan<(string Key, string? Value)> values)
    {
        foreach (var (key, value) in values)
        {
            if (value is not null)
            {
                properties = properties.With(key, PropertyValue.From(value));
            }
        }

        return properties;
    }

    public static PropertyValue StringMap(IReadOnlyDictionary<string, string> entries) =>
        PropertyValue.From(PropertyMap.From(entries.Select(pair => KeyValuePair.Create(pair.Key, PropertyValue.From(pair.Value)))));
}
