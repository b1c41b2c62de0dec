using Otc.CloudClient;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Support;

/// <summary>
/// One in-process emulator per fixture on loopback; per test the journal and faults are reset, and afterwards
/// everything the client logged or threw is scanned for secrets.
/// </summary>
public abstract class EmulatedTestBase
{
    protected RunningEmulator Emulator { get; private set; } = null!;

    protected CapturedOutput Output { get; } = new();

    protected Uri AuthUrl => new(Emulator.BaseUrl, "v3");

    [OneTimeSetUp]
    public async Task StartEmulatorAsync()
        => Emulator = await EmulatorHost.StartAsync(CreateEmulatorOptions(), CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopEmulatorAsync() => await Emulator.DisposeAsync();

    [SetUp]
    public void ResetEmulator()
    {
        Emulator.Faults.Clear();
        Emulator.Journal.Clear();
        Emulator.Settings.FailCreates = false;
        Emulator.Settings.RateLimit = null;
        Emulator.Settings.Strict = false;
        Output.Clear();
    }

    [TearDown]
    public void NothingSecretWasCaptured() => SecretScan.AssertClean(Output.Lines);

    protected virtual EmulatorOptions CreateEmulatorOptions() => new()
    {
        CreateDelay = TimeSpan.FromMilliseconds(150),
        DeleteDelay = TimeSpan.FromMilliseconds(150),
        ServiceQuota = 2000,
        EndpointQuota = 200,
    };

    /// <summary>Permanent AK/SK, project id and endpoint given: the configuration that needs no IAM call.</summary>
    protected OtcClientOptions AkSkOptions() => new()
    {
        Region = "eu-de",
        ProjectId = EmulatorAccounts.DefaultProjectId,
        AccessKey = EmulatorAccounts.AccessKey,
        SecretKey = EmulatorAccounts.SecretKey,
        AuthUrl = AuthUrl.AbsoluteUri,
        VpcepEndpoint = Emulator.BaseUrl.AbsoluteUri,
        MaxRetries = 3,
        RequestTimeout = TimeSpan.FromSeconds(10),
        Log = Output.Add,
    };

    protected OtcClientOptions PasswordOptions() => new()
    {
        Region = "eu-de",
        Username = EmulatorAccounts.UserName,
        Password = EmulatorAccounts.Password,
        DomainName = EmulatorAccounts.DomainName,
        AuthUrl = AuthUrl.AbsoluteUri,
        MaxRetries = 3,
        RequestTimeout = TimeSpan.FromSeconds(10),
        Log = Output.Add,
    };

    protected Task<IVpcepClient> ConnectAsync(OtcClientOptions options) => OtcClient.ConnectAsync(options, CancellationToken.None);

    /// <summary>A client on <paramref name="clock"/> (its status poller, tokens and signatures), as the emulator of a fixture on the same clock sees it.</summary>
    protected static Task<IVpcepClient> ConnectAsync(OtcClientOptions options, TimeProvider clock) => OtcClient.ConnectAsync(options, clock, CancellationToken.None);

    /// <summary>Asserts the call fails with <typeparamref name="T"/> and records the exception for the secret scan.</summary>
    protected async Task<T> FailureOf<T>(Func<Task> call)
        where T : Exception
    {
        var error = await CatchAsync(call);
        Assert.That(error, Is.InstanceOf<T>(), $"expected {typeof(T).Name}, got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        return Output.Record((T)error!);
    }

    private static async Task<Exception?> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>How many IAM token requests the emulator has received since the journal was last cleared.</summary>
    protected int TokenRequests => Requests("POST", "/v3/auth/tokens").Count();

    protected IEnumerable<JournalEntry> Requests(string method, string pathContains)
        => Emulator.Journal.Entries.Where(e => e.Method == method && e.Path.Contains(pathContains, StringComparison.Ordinal));

    protected async Task<EndpointService> CreateAvailableServiceAsync(IVpcepClient client, CreateServiceRequest? request = null)
    {
        var created = await client.CreateServiceAsync(request ?? Samples.Service(), CancellationToken.None);
        return await ServiceWaiter.WaitForAvailableAsync(client, created.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Samples.FastPolling);
    }
}
