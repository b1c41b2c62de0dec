using System.Text.Json.Serialization;

namespace Otc.EmulatorHarness;

/// <summary>One request the emulator journaled (admin calls excluded), with the status it answered.</summary>
public sealed record ApiCall(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("project_id")] string? ProjectId)
{
    /// <summary><c>METHOD /path?query body</c>, the way the walkthrough prints calls.</summary>
    public override string ToString() =>
        $"{Method} {Path}{Query}{(Body.Length > 0 ? " " + Body : string.Empty)}{(Status >= 400 ? $" → {Status}" : string.Empty)}";
}
