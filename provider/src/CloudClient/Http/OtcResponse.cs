namespace Otc.CloudClient;

/// <summary>A successful answer, fully read.</summary>
internal sealed record OtcResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
