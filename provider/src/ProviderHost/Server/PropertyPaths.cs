using System.Text;

namespace Otc.ProviderHost.Server;

/// <summary>Reads the engine's property-path syntax (<c>a.b</c>, <c>a[0]</c>, <c>a["x.y"]</c>, <c>["root key"].x</c>).</summary>
internal static class PropertyPaths
{
    public static string TopLevelKey(string path)
    {
        if (path.StartsWith("[\"", StringComparison.Ordinal))
        {
            var key = new StringBuilder();
            for (var i = 2; i < path.Length; i++)
            {
                if (path[i] == '\\' && i + 1 < path.Length)
                {
                    key.Append(path[++i]);
                }
                else if (path[i] == '"')
                {
                    break;
                }
                else
                {
                    key.Append(path[i]);
                }
            }

            return key.ToString();
        }

        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }
}
