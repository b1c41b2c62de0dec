using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>Cancellation ends calls with <see cref="OperationCanceledException"/> wherever they are: in flight, in backoff, in a wait.</summary>
public sealed class CancellationTests : EmulatedTestBase
{
    [Test]
    public async Task A_request_in_flight_is_abandoned_and_not_retried()
    {
        using var client = await ConnectAsync(AkSkOptions());
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "vpc-endpoint-services$", LatencyMs = 30_000 });
        using var cts = new CancellationTokenSource();

        var call = client.ListServicesAsync(null, cts.Token);
        // Cancel only once the emulator holds the request, however slowly a loaded machine sends it.
        Assert.That(() => Emulator.Journal.InFlight, Is.EqualTo(1).After(10_000, 10));
        await cts.CancelAsync();

        await FailureOf<OperationCanceledException>(() => call);
        // A retry is decided, logged and sent within the call, so once the call has ended nothing more can come of it:
        // the client never announced one, and the emulator, which lists the abandoned request once it sees the
        // connection go, saw only the one.
        Assert.That(Output.Lines, Has.None.Contains("retrying"), "no retry was announced");
        Assert.That(() => Emulator.Journal.InFlight, Is.Zero.After(10_000, 10));
        Assert.That(Requests("GET", "/vpc-endpoint-services").Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Cancelling_during_a_backoff_sleep_ends_the_retry_loop()
    {
        using var cts = new CancellationTokenSource();
        var options = AkSkOptions();
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = options.Region,
            ProjectId = options.ProjectId,
            AccessKey = options.AccessKey,
            SecretKey = options.SecretKey,
            VpcepEndpoint = options.VpcepEndpoint,
            MaxRetries = 50,
            Log = line =>
            {
                Output.Add(line);
                if (line.Contains("retrying in", StringComparison.Ordinal))
                {
                    cts.Cancel();
                }
            },
        });
        Emulator.Faults.Add(new FaultRule { Method = "GET", Status = 503, ErrorCode = "EndPoint.0001", ErrorMsg = "System error. Please retry." });

        await FailureOf<OperationCanceledException>(() => client.ListServicesAsync(null, cts.Token));

        Assert.That(Requests("GET", "/vpc-endpoint-services").Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        using var client = await ConnectAsync(AkSkOptions());

        await FailureOf<OperationCanceledException>(() => client.GetServiceAsync("any", new CancellationToken(canceled: true)));

        Assert.That(Emulator.Journal.Entries, Is.Empty);
    }

    [Test]
    public async Task A_waiter_stops_when_cancelled()
    {
        using var client = await ConnectAsync(AkSkOptions());
        Emulator.Settings.CreateDelay = TimeSpan.FromMinutes(5);
        try
        {
            var created = await client.CreateServiceAsync(Samples.Service(), CancellationToken.None);
            using var cts = new CancellationTokenSource();
            // Cancelled once the wait has read the service (still creating) and is waiting for its next read.
            var reads = new SynchronousProgress<WaitProgress>(_ => cts.Cancel());

            await FailureOf<OperationCanceledException>(() =>
                ServiceWaiter.WaitForAvailableAsync(client, created.Id, TimeSpan.FromMinutes(5), reads, cts.Token, Samples.FastPolling));

            Assert.That((await client.GetServiceAsync(created.Id, CancellationToken.None)).Status, Is.EqualTo("creating"));
        }
        finally
        {
            Emulator.Settings.CreateDelay = TimeSpan.FromMilliseconds(150);
        }
    }

    [Test]
    public async Task Cancelling_one_waiter_for_a_token_renewal_does_not_break_the_others()
    {
        using var client = await ConnectAsync(PasswordOptions());
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = "/v3/auth/tokens$", LatencyMs = 500, Times = 1 });
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "vpc-endpoint-services$", Status = 401, ErrorCode = "APIGW.0301", ErrorMsg = "Incorrect IAM authentication information", Times = 2 });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var cancelled = client.ListServicesAsync(null, cts.Token);
        var patient = client.ListServicesAsync(null, CancellationToken.None);

        await FailureOf<OperationCanceledException>(() => cancelled);
        Assert.That(await patient, Is.Not.Null);
    }
}
