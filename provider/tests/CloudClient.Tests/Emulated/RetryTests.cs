using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>Transient failures are retried with backoff, boundedly, and only where repeating is safe.</summary>
public sealed class RetryTests : EmulatedTestBase
{
    private const string ServiceList = "vpc-endpoint-services$";

    [TestCase(503, "EndPoint.0001")]
    [TestCase(500, "EndPoint.0001")]
    [TestCase(429, "APIGW.0308")]
    [TestCase(400, "EndPoint.0022")]
    public async Task Transient_errors_are_retried_until_success(int status, string code)
    {
        using var client = await ConnectAsync(AkSkOptions());
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Status = status, ErrorCode = code, ErrorMsg = "transient", Times = 2 });

        await client.ListServicesAsync(null, CancellationToken.None);

        Assert.That(Requests("GET", "/vpc-endpoint-services").Select(e => e.Status), Is.EqualTo(new[] { status, status, 200 }));
    }

    [Test]
    public async Task Dropped_connections_are_retried_for_reads()
    {
        using var client = await ConnectAsync(AkSkOptions());
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Drop = true, Times = 2 });

        await client.ListServicesAsync(null, CancellationToken.None);

        Assert.That(Requests("GET", "/vpc-endpoint-services").Select(e => e.Status), Is.EqualTo(new[] { 0, 0, 200 }));
    }

    [Test]
    public async Task An_attempt_that_outlives_the_request_timeout_is_abandoned_and_retried()
    {
        using var client = await ConnectAsync(WithRetries(3, TimeSpan.FromMilliseconds(300)));
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, LatencyMs = 5000, Times = 1 });

        await client.ListServicesAsync(null, CancellationToken.None);

        Assert.That(Output.Lines, Has.Some.Contains("timed out (attempt 1"));
    }

    [Test]
    public async Task Persistent_server_errors_stop_after_max_retries_with_the_last_answer()
    {
        using var client = await ConnectAsync(WithRetries(2));
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Status = 503, ErrorCode = "EndPoint.0001", ErrorMsg = "System error. Please retry." });

        var error = await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(503));
            Assert.That(error.ErrorCode, Is.EqualTo("EndPoint.0001"));
            Assert.That(Requests("GET", "/vpc-endpoint-services").Count(), Is.EqualTo(3), "one attempt plus MaxRetries");
        });
    }

    [Test]
    public async Task Persistent_connection_drops_become_a_transport_error_after_max_retries()
    {
        using var client = await ConnectAsync(WithRetries(2));
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Drop = true });

        var error = await FailureOf<OtcTransportException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Operation, Is.EqualTo("GET vpc-endpoint-services"));
            Assert.That(Requests("GET", "/vpc-endpoint-services").Count(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Client_errors_are_not_retried()
    {
        using var client = await ConnectAsync(AkSkOptions());
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Status = 400, ErrorCode = "EndPoint.0002", ErrorMsg = "Parameter error." });

        var error = await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo("EndPoint.0002"));
            Assert.That(Requests("GET", "/vpc-endpoint-services").Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Idempotent_actions_are_retried_after_a_server_error()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var service = await CreateAvailableServiceAsync(client);
        Emulator.Journal.Clear();
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = "/permissions/action$", Status = 502, ErrorCode = "EndPoint.0001", ErrorMsg = "bad gateway", Times = 1 });

        var permissions = await client.UpdatePermissionsAsync(service.Id, PermissionAction.Add, ["*"], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(permissions, Does.Contain("*"));
            Assert.That(Requests("POST", "/permissions/action").Select(e => e.Status), Is.EqualTo(new[] { 502, 200 }));
        });
    }

    [Test]
    public async Task Throttling_under_a_rate_limit_is_absorbed_by_retries()
    {
        using var client = await ConnectAsync(WithRetries(12));
        Emulator.Settings.RateLimit = 20;

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.ListServicesAsync(null, CancellationToken.None)));

        var statuses = Requests("GET", "/vpc-endpoint-services").Select(e => e.Status).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Length.EqualTo(40));
            Assert.That(statuses.Count(s => s == 200), Is.EqualTo(40));
            Assert.That(statuses, Does.Contain(429), "the limit was actually hit");
        });
    }

    private OtcClientOptions WithRetries(int maxRetries, TimeSpan? timeout = null)
    {
        var options = AkSkOptions();
        return new OtcClientOptions
        {
            Region = options.Region,
            ProjectId = options.ProjectId,
            AccessKey = options.AccessKey,
            SecretKey = options.SecretKey,
            VpcepEndpoint = options.VpcepEndpoint,
            MaxRetries = maxRetries,
            RequestTimeout = timeout ?? options.RequestTimeout,
            Log = Output.Add,
        };
    }
}
