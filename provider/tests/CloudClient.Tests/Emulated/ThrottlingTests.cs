using System.Text.RegularExpressions;
using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>
/// Throttling is not a failure: a throttled request was not executed, so it is repeated (creates included) for up to
/// the throttle budget without using up <see cref="OtcClientOptions.MaxRetries"/>, and one client paces all its callers.
/// </summary>
public sealed partial class ThrottlingTests : EmulatedTestBase
{
    private const string ServiceList = "vpc-endpoint-services$";

    /// <summary>Lenient: the gateway's 429. Strict: the service's own 400 <c>EndPoint.0022</c>, paced and retried the same way.</summary>
    [TestCase(false, 60, 10, 429)]
    [TestCase(true, 24, 4, 400)]
    public async Task Many_concurrent_creates_under_a_low_rate_limit_all_succeed_with_one_accepted_post_each(bool strict, int count, int rateLimit, int throttleStatus)
    {
        using var client = await ConnectAsync(Options(maxRetries: 0));
        Emulator.Settings.Strict = strict;
        Emulator.Settings.RateLimit = rateLimit;
        var prefix = $"b{Guid.NewGuid():N}"[..10];
        var names = Enumerable.Range(0, count).Select(i => $"{prefix}-{i:00}").ToList();

        var created = await Task.WhenAll(names.Select(name => client.CreateServiceAsync(Samples.Service(name), CancellationToken.None)));

        var posts = Requests("POST", "/vpc-endpoint-services").ToList();
        TestContext.Out.WriteLine($"throttled: {posts.Count(e => e.Status == throttleStatus)}, accepted: {posts.Count(e => e.Status == 200)}");
        var acceptedNames = posts.Where(e => e.Status == 200).Select(e => NameIn(e.Body)).ToList();
        Emulator.Settings.RateLimit = null;
        var listed = await client.ListServicesAsync(null, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(created.Select(s => s.Id).Distinct().Count(), Is.EqualTo(count));
            Assert.That(acceptedNames, Has.Count.EqualTo(count), "exactly one accepted POST per service");
            Assert.That(acceptedNames, Is.EquivalentTo(names), "no service was posted twice");
            Assert.That(listed.Count(s => s.ServiceName?.Contains($".{prefix}-", StringComparison.Ordinal) == true), Is.EqualTo(count));
            Assert.That(posts.Select(e => e.Status), Does.Contain(throttleStatus), "the limit was actually hit");
            Assert.That(posts.Select(e => e.Status).Distinct(), Is.SubsetOf(new[] { 200, throttleStatus }));
            Assert.That(Output.Lines, Has.Some.Contains("pacing requests at"), "the answers set the pace");
        });
    }

    [Test]
    public async Task A_create_refused_with_429_is_posted_again_not_treated_as_ambiguous()
    {
        using var client = await ConnectAsync(Options(maxRetries: 0));
        Emulator.Faults.Add(new FaultRule { Method = "POST", Path = ServiceList, Status = 429, ErrorCode = "APIGW.0308", ErrorMsg = "throttled", Times = 3 });

        var created = await client.CreateServiceAsync(Samples.Service("refused"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.Not.Empty);
            Assert.That(Emulator.Journal.Entries.Select(e => $"{e.Method} {e.Status}"), Is.EqualTo(new[] { "POST 429", "POST 429", "POST 429", "POST 200" }),
                "three throttles with MaxRetries 0, and no lookup for an ambiguous create");
        });
    }

    [Test]
    public async Task A_service_throttle_answer_is_retried_like_a_gateway_throttle()
    {
        using var client = await ConnectAsync(Options(maxRetries: 0));
        Emulator.Faults.Add(new FaultRule { Method = "PUT", Status = 400, ErrorCode = "EndPoint.0022", ErrorMsg = "Too many requests", Times = 2 });
        var service = await client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        await client.UpdateServiceAsync(service.Id, new UpdateServiceRequest { Description = "after throttling" }, CancellationToken.None);

        Assert.That(Requests("PUT", "/vpc-endpoint-services/").Select(e => e.Status), Is.EqualTo(new[] { 400, 400, 200 }));
    }

    [Test]
    public async Task Throttles_do_not_use_up_the_failure_budget_which_still_bounds_server_errors()
    {
        using var client = await ConnectAsync(Options(maxRetries: 1));
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Status = 429, ErrorCode = "APIGW.0308", ErrorMsg = "throttled", Times = 3 });
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Status = 503, ErrorCode = "EndPoint.0001", ErrorMsg = "System error. Please retry." });

        var error = await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(503));
            Assert.That(Requests("GET", "/vpc-endpoint-services").Select(e => e.Status), Is.EqualTo(new[] { 429, 429, 429, 503, 503 }),
                "three throttles, then one attempt plus MaxRetries for the server error");
        });
    }

    [Test]
    public async Task Permanent_throttling_ends_with_the_throttling_error_once_the_budget_is_spent()
    {
        using var client = await ConnectAsync(Options(maxRetries: 0, throttleBudget: TimeSpan.FromSeconds(1)));
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Status = 429, ErrorCode = "APIGW.0308", ErrorMsg = "The throttling threshold has been reached." });

        var error = await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(429));
            Assert.That(error.ErrorCode, Is.EqualTo("APIGW.0308"));
            Assert.That(Requests("GET", "/vpc-endpoint-services").Count(), Is.GreaterThan(1), "retried although MaxRetries is 0");
            Assert.That(Output.Lines, Has.Some.Contains("throttle budget"));
        });
    }

    [Test]
    public async Task A_zero_budget_gives_up_at_the_first_throttle()
    {
        using var client = await ConnectAsync(Options(maxRetries: 5, throttleBudget: TimeSpan.Zero));
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Status = 429, ErrorCode = "APIGW.0308", ErrorMsg = "throttled" });

        var error = await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo("APIGW.0308"));
            Assert.That(Requests("GET", "/vpc-endpoint-services").Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Cancelling_during_a_throttle_wait_ends_the_call()
    {
        using var cts = new CancellationTokenSource();
        using var client = await ConnectAsync(Options(maxRetries: 0, log: line =>
        {
            Output.Add(line);
            if (line.Contains("throttled; retrying in", StringComparison.Ordinal))
            {
                cts.Cancel();
            }
        }));
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Status = 429, ErrorCode = "APIGW.0308", ErrorMsg = "throttled" });

        await FailureOf<OperationCanceledException>(() => client.ListServicesAsync(null, cts.Token));

        Assert.That(Requests("GET", "/vpc-endpoint-services").Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Cancelling_while_queued_behind_the_pacer_ends_the_call_without_sending()
    {
        using var client = await ConnectAsync(Options(maxRetries: 0, throttleBudget: TimeSpan.Zero));
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = ServiceList, Status = 429, ErrorCode = "APIGW.0308", ErrorMsg = "throttled", Times = 1 });
        await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));
        // Paced at the minimum rate now: the first call takes the free slot, the second has to queue.
        var first = client.ListServicesAsync(null, CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var queued = client.ListServicesAsync(null, cts.Token);
        cts.Cancel();

        await FailureOf<OperationCanceledException>(() => queued);
        await first;

        Assert.That(Requests("GET", "/vpc-endpoint-services").Select(e => e.Status), Is.EqualTo(new[] { 429, 200 }));
    }

    private OtcClientOptions Options(int maxRetries, TimeSpan? throttleBudget = null, Action<string>? log = null)
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
            ThrottleRetryBudget = throttleBudget ?? TimeSpan.FromMinutes(2),
            RequestTimeout = options.RequestTimeout,
            Log = log ?? Output.Add,
        };
    }

    private static string NameIn(string body) => ServiceNameField().Match(body) is { Success: true } match ? match.Groups[1].Value : "";

    [GeneratedRegex("\"service_name\":\"([^\"]+)\"")]
    private static partial Regex ServiceNameField();
}
