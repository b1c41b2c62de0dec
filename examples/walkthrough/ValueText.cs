using System.Globalization;
using Otc.ProviderHost.Values;

namespace Otc.Walkthrough;

/// <summary>Renders property values compactly, the way a plan shows them (port mappings as <c>80→8080/TCP</c>).</summary>
internal static class ValueText
{
    public static string Of(PropertyValue value)
    {
        if (value.IsSecret)
        {
            return "[secret]";
        }

        if (value.TryGetString(out var text))
        {
            return $"\"{text}\"";
        }

        if (value.TryGetBool(out var flag))
        {
            return flag ? "true" : "false";
        }

        if (value.TryGetNumber(out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        if (value.TryGetArray(out var items))
        {
            return "[" + string.Join(", ", items.Select(Of)) + "]";
        }

        if (value.TryGetObject(out var map))
        {
            return PortMapping(map) ?? "{" + string.Join(", ", map.Select(pair => $"{pair.Key}: {Of(pair.Value)}")) + "}";
        }

        return value.IsUnknown ? "[unknown]" : "null";
    }

    private static string? PortMapping(PropertyMap map) =>
        map.Count == 3
        && map.GetOrNull("clientPort").TryGetNumber(out var client)
        && map.GetOrNull("serverPort").TryGetNumber(out var server)
        && map.GetOrNull("protocol").TryGetString(out var protocol)
            ? string.Create(CultureInfo.InvariantCulture, $"{client}→{server}/{protocol}")
            : null;
}
