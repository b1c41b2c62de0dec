using System.Text.Json;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>Reads journaled request bodies.</summary>
internal static class JournalBodies
{
    public static IReadOnlyList<string> TopLevelKeys(string body)
    {
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal)];
    }

    /// <summary>The (client_port, server_port, protocol) triples of a <c>ports</c> array in a body, sorted.</summary>
    public static IReadOnlyList<string> Ports(string body)
    {
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.GetProperty("ports").EnumerateArray()
            .Select(port => $"{port.GetProperty("client_port").GetInt32()}:{port.GetProperty("server_port").GetInt32()}/{port.GetProperty("protocol").GetString()}")
            .Order(StringComparer.Ordinal)];
    }

    public static JsonElement Field(string body, string name)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty(name).Clone();
    }
}
