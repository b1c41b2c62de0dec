using System.Text.Json.Serialization;

namespace Otc.EmulatorHarness;

/// <summary>A fault rule for <c>POST /__emulator/faults</c>; null fields are left out.</summary>
public sealed record FaultSpec
{
    [JsonPropertyName("method")]
    public string? Method { get; init; }

    /// <summary>Regular expression matched against the request path.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; init; }

    [JsonPropertyName("errorMsg")]
    public string? ErrorMsg { get; init; }

    [JsonPropertyName("times")]
    public int? Times { get; init; }

    [JsonPropertyName("rate")]
    public double? Rate { get; init; }

    [JsonPropertyName("latencyMs")]
    public int? LatencyMs { get; init; }

    [JsonPropertyName("drop")]
    public bool Drop { get; init; }

    /// <summary>Carry the request out, then abort the connection: the change is made, its answer lost.</summary>
    [JsonPropertyName("dropResponse")]
    public bool DropResponse { get; init; }

    /// <summary>Answer as if the request named no offset (a server that does not page).</summary>
    [JsonPropertyName("ignoreOffset")]
    public bool IgnoreOffset { get; init; }
}
