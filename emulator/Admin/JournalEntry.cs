namespace Otc.Emulator;

/// <summary>One request as the emulator received it, with the status it answered.</summary>
public sealed record JournalEntry(
    string Method,
    string Path,
    string Query,
    string Body,
    int Status,
    string? ProjectId);
