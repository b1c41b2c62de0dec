using Otc.CloudClient;
using Otc.Emulator;

namespace Otc.Bench.ClientBench;

/// <summary>
/// The same <c>GET vpc-endpoint-services/{id}</c> four ways: raw HttpClient with a token header, the client with a token,
/// raw HttpClient signing each request itself, and the client signing. Raw runs read the body as a string but do not
/// parse it; the difference is the client's overhead (pipeline, headers, JSON binding).
/// </summary>
internal sealed class Scenarios : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public List<Scenario> All { get; } = [];

    /// <summary>The body of the service every scenario reads, and its URL.</summary>
    public (string Json, Uri Uri) Sample { get; private set; }

    public static async Task<Scenarios> PrepareAsync(RunningEmulator emulator)
    {
        var scenarios = new Scenarios();
        var tokenClient = await OtcClient.ConnectAsync(Options(emulator, token: true), CancellationToken.None);
        var keyClient = await OtcClient.ConnectAsync(Options(emulator, token: false), CancellationToken.None);
        scenarios._owned.Add(tokenClient);
        scenarios._owned.Add(keyClient);

        var service = await tokenClient.CreateServiceAsync(new CreateServiceRequest
        {
            PortId = Guid.NewGuid().ToString(),
            VpcId = Guid.NewGuid().ToString(),
            ServerType = "VM",
            ServiceName = "bench",
            Ports = [new PortMapping { ClientPort = 80, ServerPort = 8080, Protocol = "TCP" }],
        }, CancellationToken.None);
        var uri = new Uri(emulator.BaseUrl, $"v1/{EmulatorAccounts.DefaultProjectId}/vpc-endpoint-services/{service.Id}");
        var raw = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(30) };
        scenarios._owned.Add(raw);
        using (var sampleRequest = new HttpRequestMessage(HttpMethod.Get, uri))
        {
            sampleRequest.Headers.TryAddWithoutValidation("X-Auth-Token", EmulatorAccounts.StaticToken);
            using var sampleResponse = await raw.SendAsync(sampleRequest);
            scenarios.Sample = (await sampleResponse.Content.ReadAsStringAsync(), uri);
        }

        var path = "GET vpc-endpoint-services/{id}";
        scenarios.All.Add(new Scenario("raw HttpClient", "static token", path, async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("X-Auth-Token", EmulatorAccounts.StaticToken);
            request.Headers.TryAddWithoutValidation("X-Project-Id", EmulatorAccounts.DefaultProjectId);
            using var response = await raw.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsStringAsync(ct);
        }));
        scenarios.All.Add(new Scenario("Otc.CloudClient", "static token", path, ct => tokenClient.GetServiceAsync(service.Id, ct)));
        scenarios.All.Add(new Scenario("raw HttpClient", "AK/SK signed", path, async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("X-Project-Id", EmulatorAccounts.DefaultProjectId);
            RawSigning.Sign(request, EmulatorAccounts.AccessKey, EmulatorAccounts.SecretKey);
            using var response = await raw.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsStringAsync(ct);
        }));
        scenarios.All.Add(new Scenario("Otc.CloudClient", "AK/SK signed", path, ct => keyClient.GetServiceAsync(service.Id, ct)));
        return scenarios;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private static OtcClientOptions Options(RunningEmulator emulator, bool token) => new()
    {
        Region = "eu-de",
        ProjectId = EmulatorAccounts.DefaultProjectId,
        Token = token ? EmulatorAccounts.StaticToken : null,
        AccessKey = token ? null : EmulatorAccounts.AccessKey,
        SecretKey = token ? null : EmulatorAccounts.SecretKey,
        VpcepEndpoint = emulator.BaseUrl.AbsoluteUri,
        MaxRetries = 0,
    };
}
