using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>
/// Drives every credential through success and failure paths with logging on, then scans all captured text.
/// (Every other emulator test is scanned too, in the base class's tear-down.)
/// </summary>
public sealed class SecretHygieneTests : EmulatedTestBase
{
    [Test]
    public async Task Logs_and_errors_from_all_credential_modes_contain_no_secret()
    {
        var options = AkSkOptions();
        using (var keys = await ConnectAsync(options))
        {
            await keys.ListServicesAsync(null, CancellationToken.None);
        }

        using (var temporary = await ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            AccessKey = EmulatorAccounts.TemporaryAccessKey,
            SecretKey = EmulatorAccounts.TemporarySecretKey,
            SecurityToken = EmulatorAccounts.SecurityToken,
            AuthUrl = options.AuthUrl,
            Log = Output.Add,
        }))
        {
            Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "vpc-endpoint-services$", Drop = true, Times = 1 });
            await temporary.ListServicesAsync(null, CancellationToken.None);
        }

        using (var password = await ConnectAsync(PasswordOptions()))
        {
            Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "vpc-endpoint-services$", Status = 401, ErrorCode = "APIGW.0301", ErrorMsg = "Incorrect IAM authentication information", Times = 1 });
            await password.ListServicesAsync(null, CancellationToken.None);
            await FailureOf<OtcApiException>(() => password.GetServiceAsync(Guid.NewGuid().ToString(), CancellationToken.None));
        }

        using (var token = await ConnectAsync(new OtcClientOptions { Region = "eu-de", Token = EmulatorAccounts.StaticToken, AuthUrl = options.AuthUrl, Log = Output.Add }))
        {
            await token.ListServicesAsync(null, CancellationToken.None);
        }

        await FailureOf<OtcApiException>(() => ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            Username = EmulatorAccounts.UserName,
            Password = Samples.WrongPassword,
            DomainName = EmulatorAccounts.DomainName,
            AuthUrl = options.AuthUrl,
            Log = Output.Add,
        }));
        // An incomplete set (a secret key without its access key) is refused before any call; the emulator's IAM
        // stays the auth URL all the same, so nothing could leave loopback.
        await FailureOf<OtcConfigurationException>(() => ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            SecretKey = Samples.WrongSecretKey,
            AuthUrl = options.AuthUrl,
        }));
        Output.Add(options.ToString());

        var lines = Output.Lines;
        Assert.Multiple(() =>
        {
            // The scan below is only meaningful if the log really shows the traffic.
            Assert.That(lines, Has.Some.Match(@"^GET /v1/[0-9a-f]{32}/vpc-endpoint-services -> 200 \(attempt 1, \d+ ms\)$"));
            Assert.That(lines, Has.Some.Contains("POST /v3/auth/tokens -> 201"));
            Assert.That(lines, Has.Some.Contains("-> 401"));
            Assert.That(lines, Has.Some.Contains("connection failed"));
        });
        SecretScan.AssertClean(lines);
    }
}
