using System.Text.RegularExpressions;

namespace Otc.ProviderHost.Values;

/// <summary>Writes the engine's property-path syntax: <c>a.b</c> for plain names, <c>a["b c"]</c> otherwise, <c>a[0]</c> for items.</summary>
public static partial class PropertyPath
{
    /// <summary>The path of <paramref name="key"/> inside <paramref name="parent"/>; a top-level key when the parent is empty.</summary>
    public static string Child(string parent, string key)
    {
        if (PlainName().IsMatch(key))
        {
            return parent.Length == 0 ? key : $"{parent}.{key}";
        }

        return $"{parent}[\"{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
    }

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
