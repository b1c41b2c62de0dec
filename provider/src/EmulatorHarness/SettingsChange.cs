using System.Text.Json.Serialization;

namespace Otc.EmulatorHarness;

/// <summary>A run-time change for <c>POST /__emulator/settings</c>; null fields stay as they are.</summary>
public sealed record SettingsChange
{
    [JsonPropertyName("createDelayMs")]
    public int? CreateDelayMs { get; init; }

    [JsonPropertyName("deleteDelayMs")]
    public int? DeleteDelayMs { get; init; }

    [JsonPropertyName("failCreates")]
    public bool? FailCreates { get; init; }

    /// <summary>Requests per second and project; 0 switches throttling off.</summary>
    [JsonPropertyName("rateLimit")]
    public int? RateLimit { get; init; }

    /// <summary><c>full</c> (<c>{region}.{name}.{id}</c>) or <c>short</c> (the bare name, as the documented examples show).</summary>
    [JsonPropertyName("serviceNameForm")]
    public string? ServiceNameForm { get; init; }

    /// <summary>The harsh reading of every ambiguous rule of the API reference (the emulator README's table).</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; init; }

    /// <summary>The most items one list page holds, whatever limit is asked for; 0 switches the cap off.</summary>
    [JsonPropertyName("pageCap")]
    public int? PageCap { get; init; }
}
