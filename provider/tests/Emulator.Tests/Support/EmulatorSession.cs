using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Otc.Emulator.Tests.Support;

/// <summary>An answer from the emulator: status, parsed JSON body (null when empty) and headers.</summary>
internal sealed record ApiReply(HttpStatusCode Status, JsonNode? Json, HttpResponseHeaders Headers)
{
    public string? ErrorCode => Json?["error_code"]?.GetValue<string>();

    public JsonNode Body => Json ?? throw new AssertionException($"Expected a JSON body, got none (status {(int)Status}).");
}

/// <summary>
/// A running in-process emulator plus an HTTP client that authenticates with a static token. Tests use
/// short delays and the manual clock, so no test waits for real time to pass.
/// </summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    public const string Project = EmulatorAccounts.DefaultProjectId;

    private EmulatorSession(RunningEmulator emulator, ManualClock clock)
    {
        Emulator = emulator;
        Clock = clock;
        Http = new HttpClient { BaseAddress = emulator.BaseUrl };
    }

    public RunningEmulator Emulator { get; }

    public ManualClock Clock { get; }

    public HttpClient Http { get; }

    public string Token { get; set; } = EmulatorAccounts.StaticToken;

    public string ServicesPath => $"/v1/{Project}/vpc-endpoint-services";

    /// <summary>Starts an emulator whose transitions take an hour of emulator time unless the test advances the clock.</summary>
    public static async Task<EmulatorSession> StartAsync(Func<EmulatorOptions, EmulatorOptions>? configure = null)
    {
        var clock = new ManualClock();
        var options = new EmulatorOptions
        {
            Clock = clock,
            CreateDelay = TimeSpan.FromHours(1),
            DeleteDelay = TimeSpan.FromHours(1),
        };
        var emulator = await EmulatorHost.StartAsync(configure?.Invoke(options) ?? options, CancellationToken.None);
        return new EmulatorSession(emulator, clock);
    }

    /// <summary>Moves emulator time past any create or delete delay.</summary>
    public void Settle() => Clock.Advance(TimeSpan.FromHours(2));

    public Task<ApiReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiReply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<ApiReply> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    public Task<ApiReply> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public async Task<ApiReply> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("X-Auth-Token", Token);
        if (body is not null)
        {
            var text = body as string ?? System.Text.Json.JsonSerializer.Serialize(body);
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        return await ReadAsync(await Http.SendAsync(request));
    }

    public static async Task<ApiReply> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return new ApiReply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
        }
    }

    /// <summary>Logs the emulator's user in with <paramref name="password"/> and the given IAM scope.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string password, object scope)
    {
        var body = new
        {
            auth = new
            {
                identity = new
                {
                    methods = new[] { "password" },
                    password = new { user = new { name = EmulatorAccounts.UserName, password, domain = new { name = EmulatorAccounts.DomainName } } },
                },
                scope,
            },
        };
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        return await Http.PostAsync("/v3/auth/tokens", content);
    }

    /// <summary>A token of the emulator's user scoped to <paramref name="projectId"/> (e.g. the second project of the account).</summary>
    public async Task<string> ProjectTokenAsync(string projectId)
    {
        using var response = await LoginAsync(EmulatorAccounts.Password, new { project = new { id = projectId } });
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    /// <summary>Creates a named service with one port mapping and returns its id.</summary>
    public async Task<string> CreateServiceAsync(string? name = "svc", string portId = "port-1", int serverPort = 8080, bool approval = true)
    {
        var reply = await PostAsync(ServicesPath, new
        {
            port_id = portId,
            vpc_id = "vpc-1",
            server_type = "VM",
            service_name = name,
            approval_enabled = approval,
            ports = new[] { new { client_port = 80, server_port = serverPort, protocol = "TCP" } },
        });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Json?.ToJsonString());
        return reply.Body["id"]!.GetValue<string>();
    }

    public async Task<string> CreateAvailableServiceAsync(string? name = "svc", string portId = "port-1", int serverPort = 8080, bool approval = true)
    {
        var id = await CreateServiceAsync(name, portId, serverPort, approval);
        Settle();
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
