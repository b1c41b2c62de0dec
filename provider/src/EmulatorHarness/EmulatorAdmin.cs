using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Otc.EmulatorHarness;

/// <summary>The emulator's test API under <c>/__emulator/</c> (journal, faults, settings) over HTTP.</summary>
public sealed class EmulatorAdmin : IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    public EmulatorAdmin(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = new HttpClient { BaseAddress = new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + "/__emulator/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task<IReadOnlyList<ApiCall>> JournalAsync(CancellationToken cancellationToken = default) =>
        await _http.GetFromJsonAsync<List<ApiCall>>("journal", Json, cancellationToken).ConfigureAwait(false) ?? [];

    public async Task ClearJournalAsync(CancellationToken cancellationToken = default) =>
        (await _http.DeleteAsync(new Uri("journal", UriKind.Relative), cancellationToken).ConfigureAwait(false)).EnsureSuccessStatusCode();

    public async Task AddFaultAsync(FaultSpec fault, CancellationToken cancellationToken = default) =>
        (await _http.PostAsJsonAsync("faults", fault, Json, cancellationToken).ConfigureAwait(false)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync(CancellationToken cancellationToken = default) =>
        (await _http.DeleteAsync(new Uri("faults", UriKind.Relative), cancellationToken).ConfigureAwait(false)).EnsureSuccessStatusCode();

    public async Task ChangeSettingsAsync(SettingsChange change, CancellationToken cancellationToken = default) =>
        (await _http.PostAsJsonAsync("settings", change, Json, cancellationToken).ConfigureAwait(false)).EnsureSuccessStatusCode();

    /// <summary>How many services and endpoints the emulator holds, across every project.</summary>
    public async Task<(int Services, int Endpoints)> ResourceCountsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await _http.GetFromJsonAsync<ResourceCounts>("resources", Json, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("GET /__emulator/resources answered no body");
        return (counts.Services, counts.Endpoints);
    }

    /// <summary>TCP connections open at the emulator now, and at most since the last <see cref="ResetConnectionPeakAsync"/> (this admin client's own included).</summary>
    public async Task<(int Open, int Peak)> ConnectionsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await _http.GetFromJsonAsync<ConnectionCounts>("connections", Json, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("GET /__emulator/connections answered no body");
        return (counts.Open, counts.Peak);
    }

    /// <summary>Starts a new connection high-water mark at the connections open now.</summary>
    public async Task ResetConnectionPeakAsync(CancellationToken cancellationToken = default) =>
        (await _http.DeleteAsync(new Uri("connections", UriKind.Relative), cancellationToken).ConfigureAwait(false)).EnsureSuccessStatusCode();

    public void Dispose() => _http.Dispose();

    private sealed record ConnectionCounts(
        [property: JsonPropertyName("open")] int Open,
        [property: JsonPropertyName("peak")] int Peak);

    private sealed record ResourceCounts(
        [property: JsonPropertyName("services")] int Services,
        [property: JsonPropertyName("endpoints")] int Endpoints);
}
