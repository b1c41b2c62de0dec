using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>A token the server refuses (401) is renewed once and the call repeated once; static tokens are never renewed.</summary>
public sealed class TokenRejectionTests : EmulatedTestBase
{
    [Test]
    public async Task A_401_renews_the_token_once_and_the_call_succeeds()
    {
        using var client = await ConnectAsync(PasswordOptions());
        await client.ListServicesAsync(null, CancellationToken.None);
        // The held token becomes invalid on the server's side (a password change does that); only requests carrying it get 401.
        Emulator.RevokeIssuedTokens();
        Emulator.Journal.Clear();
        // A slow renewal lets many of the fifty first attempts meet their 401 while it runs.
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = "/v3/auth/tokens$", LatencyMs = 1000, Times = 1 });

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.ListServicesAsync(null, CancellationToken.None)));

        var lists = Requests("GET", "/vpc-endpoint-services").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Length.EqualTo(50));
            Assert.That(lists.Count(e => e.Status == 401), Is.Positive);
            Assert.That(TokenRequests, Is.EqualTo(1), "every 401 with the same token renews it once");
            Assert.That(lists.Count(e => e.Status == 200), Is.EqualTo(50));
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
