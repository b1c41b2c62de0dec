using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>Password tokens are renewed once: near expiry, after a 401, and only once however many callers need it.</summary>
public sealed class TokenRefreshTests : EmulatedTestBase
{
    private static readonly TimeSpan ShortLifetime = TimeSpan.FromSeconds(2);

    protected override EmulatorOptions CreateEmulatorOptions() => new()
    {
        CreateDelay = TimeSpan.FromMilliseconds(100),
        DeleteDelay = TimeSpan.FromMilliseconds(100),
        TokenLifetime = ShortLifetime,
    };

    private int TokenRequests => Requests("POST", "/v3/auth/tokens").Count();

    [Test]
    public async Task Fifty_concurrent_callers_with_a_stale_token_share_one_renewal()
    {
        using var client = await ConnectAsync(PasswordOptions());
        // Let the token reach its renewal point, so every caller below finds it stale at once.
        await Task.Delay(ShortLifetime);
        Emulator.Journal.Clear();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.ListServicesAsync(null, CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Length.EqualTo(50));
            Assert.That(TokenRequests, Is.EqualTo(1));
            Assert.That(Requests("GET", "/vpc-endpoint-services").Select(e => e.Status), Has.All.EqualTo(200));
        });
    }

    [Test]
    public async Task A_token_near_expiry_is_renewed_before_use()
    {
        using var client = await ConnectAsync(PasswordOptions());
        await client.ListServicesAsync(null, CancellationToken.None);
        await Task.Delay(ShortLifetime);

        await client.ListServicesAsync(null, CancellationToken.None);

        var entries = Emulator.Journal.Entries;
        Assert.Multiple(() =>
        {
            Assert.That(TokenRequests, Is.EqualTo(2));
            Assert.That(entries.Where(e => e.Status == 401), Is.Empty, "renewal happens before the old token is refused");
        });
    }

    [Test]
    public async Task A_401_renews_the_token_once_and_the_call_succeeds()
    {
        using var client = await ConnectAsync(PasswordOptions());
        Emulator.Journal.Clear();
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "vpc-endpoint-services$", Status = 401, ErrorCode = "APIGW.0301", ErrorMsg = "Incorrect IAM authentication information", Times = 50 });
        // A slow renewal lets all fifty first attempts meet their 401 before any retry could take one of the fault's slots.
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = "/v3/auth/tokens$", LatencyMs = 1000, Times = 1 });

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.ListServicesAsync(null, CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Length.EqualTo(50));
            Assert.That(TokenRequests, Is.EqualTo(1), "fifty 401s with the same token renew it once");
            Assert.That(Requests("GET", "/vpc-endpoint-services").Count(e => e.Status == 200), Is.EqualTo(50));
        });
    }

    [Test]
    public async Task A_second_401_after_renewal_is_final()
    {
        using var client = await ConnectAsync(PasswordOptions());
        Emulator.Journal.Clear();
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "vpc-endpoint-services$", Status = 401, ErrorCode = "APIGW.0301", ErrorMsg = "Incorrect IAM authentication information" });

        var error = await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(401));
            Assert.That(TokenRequests, Is.EqualTo(1));
            Assert.That(Requests("GET", "/vpc-endpoint-services").Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Static_tokens_are_never_renewed()
    {
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            ProjectId = EmulatorAccounts.DefaultProjectId,
            Token = EmulatorAccounts.StaticToken,
            VpcepEndpoint = Emulator.BaseUrl.AbsoluteUri,
            Log = Output.Add,
        });
        Emulator.Faults.Add(new FaultRule { Method = "GET", Status = 401, ErrorCode = "APIGW.0301", ErrorMsg = "Incorrect IAM authentication information", Times = 1 });

        var error = await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(401));
            Assert.That(TokenRequests, Is.Zero);
        });
    }
}
