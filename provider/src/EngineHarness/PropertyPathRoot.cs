namespace Otc.EngineHarness;

/// <summary>The top-level property of a Pulumi property path (<c>ports[0].clientPort</c> → <c>ports</c>, <c>["a.b"].c</c> → <c>a.b</c>).</summary>
public static class PropertyPathRoot
{
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith("[\"", StringComparison.Ordinal))
        {
            var end = path.IndexOf("\"]", 2, StringComparison.Ordinal);
            return end > 0 ? path[2..end].Replace("\\\"", "\"", StringComparison.Ordinal) : path;
        }

        var cut = path.IndexOfAny(['.', '[']);
        return cut < 0 ? path : path[..cut];
    }
}
