namespace Otc.Emulator;

/// <summary>
/// A rule that makes matching requests misbehave: answer an error, wait, drop the connection, or carry the request out
/// and then drop the connection, or ignore a list's offset. A rule without <see cref="Status"/>, <see cref="Drop"/>,
/// <see cref="DropResponse"/> or <see cref="IgnoreOffset"/> only adds latency.
/// </summary>
public sealed record FaultRule
{
    /// <summary>HTTP method to match (case-insensitive); null matches every method.</summary>
    public string? Method { get; init; }

    /// <summary>Regular expression matched against the request path; null matches every path.</summary>
    public string? Path { get; init; }

    /// <summary>HTTP status to answer with instead of handling the request.</summary>
    public int? Status { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMsg { get; init; }

    /// <summary>How many matching requests the rule applies to; null means forever.</summary>
    public int? Times { get; init; }

    /// <summary>Probability (0..1) that a matching request is faulted; null means always.</summary>
    public double? Rate { get; init; }

    /// <summary>Delay before the fault (or the normal handling) happens.</summary>
    public int? LatencyMs { get; init; }

    /// <summary>Abort the connection without any response.</summary>
    public bool Drop { get; init; }

    /// <summary>
    /// Handle the request as usual, then abort the connection instead of answering: the change is made but its answer
    /// is lost on the way back (a reset connection, a gateway timeout), so the client cannot tell whether it took effect.
    /// </summary>
    public bool DropResponse { get; init; }

    /// <summary>
    /// Answer as if the request named no <c>offset</c>: a server that does not page, so every page of a list is its first.
    /// </summary>
    public bool IgnoreOffset { get; init; }
}
