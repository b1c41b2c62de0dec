namespace Otc.Bench.StackBench;

/// <summary>One full create/update/delete round with one retry setting, on a fresh emulator and provider.</summary>
internal sealed record Round(
    int? MaxRetries,
    IReadOnlyList<PhaseResult> Phases,
    IReadOnlyList<(string Phase, long? PeakRssBytes)> Memory,
    IReadOnlyList<(string Phase, int PeakConnections)> Connections,
    TimeSpan Wall)
{
    public string RetrySetting => MaxRetries is { } retries ? $"otc:maxRetries = {retries}" : "otc:maxRetries unset (client default 5)";
}
