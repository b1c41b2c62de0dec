using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>The waiter's outcomes: available, failed, deadline, and its progress reports.</summary>
public sealed class WaiterTests : EmulatedTestBase
{
    private IVpcepClient _client = null!;

    [OneTimeSetUp]
    public async Task ConnectOnceAsync() => _client = await ConnectAsync(AkSkOptions());

    [OneTimeTearDown]
    public void DisconnectOnce() => _client.Dispose();

    [TearDown]
    public void RestoreDelays() => Emulator.Settings.CreateDelay = TimeSpan.FromMilliseconds(150);

    [Test]
    public async Task Progress_is_reported_on_every_poll_until_available()
    {
        Emulator.Settings.CreateDelay = TimeSpan.FromMilliseconds(400);
        var created = await _client.CreateServiceAsync(Samples.Service(), CancellationToken.None);
        var reports = new List<WaitProgress>();

        var available = await ServiceWaiter.WaitForAvailableAsync(_client, created.Id, TimeSpan.FromSeconds(20), new Collector(reports), CancellationToken.None, Samples.FastPolling);

        Assert.Multiple(() =>
        {
            Assert.That(available.Status, Is.EqualTo("available"));
            Assert.That(reports.Select(r => r.Attempt), Is.EqualTo(Enumerable.Range(1, reports.Count)));
            Assert.That(reports[0].Status, Is.EqualTo("creating"));
            Assert.That(reports[^1].Status, Is.EqualTo("available"));
            Assert.That(reports.Select(r => r.Elapsed), Is.Ordered);
            Assert.That(reports.Select(r => r.ResourceId), Has.All.EqualTo(created.Id));
            Assert.That(Requests("GET", created.Id).Count(), Is.EqualTo(reports.Count));
        });
    }

    [Test]
    public async Task A_failed_service_raises_with_the_service_and_its_errors()
    {
        Emulator.Settings.FailCreates = true;
        var created = await _client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        var error = await FailureOf<ServiceFailedException>(() =>
            ServiceWaiter.WaitForAvailableAsync(_client, created.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Samples.FastPolling));

        Assert.Multiple(() =>
        {
            Assert.That(error.Service.Id, Is.EqualTo(created.Id));
            Assert.That(error.Service.Status, Is.EqualTo("failed"));
            Assert.That(error.Service.Errors, Is.Not.Empty);
            Assert.That(error.Message, Does.Contain(created.Id).And.Contain(error.Service.Errors[0].ErrorCode!));
        });
    }

    [Test]
    public async Task The_deadline_raises_with_the_last_service_seen()
    {
        Emulator.Settings.CreateDelay = TimeSpan.FromMinutes(5);
        var created = await _client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        var error = await FailureOf<WaitTimeoutException>(() =>
            ServiceWaiter.WaitForAvailableAsync(_client, created.Id, TimeSpan.FromMilliseconds(300), null, CancellationToken.None, Samples.FastPolling));

        Assert.Multiple(() =>
        {
            Assert.That(error.ResourceId, Is.EqualTo(created.Id));
            Assert.That(error.LastSeen?.Status, Is.EqualTo("creating"));
        });
    }

    [Test]
    public async Task Waiting_for_deletion_of_an_unknown_service_returns_at_once()
    {
        var reports = new List<WaitProgress>();

        await ServiceWaiter.WaitForDeletedAsync(_client, Guid.NewGuid().ToString(), TimeSpan.FromSeconds(5), new Collector(reports), CancellationToken.None, Samples.FastPolling);

        Assert.That(reports.Single().Status, Is.EqualTo(ServiceWaiter.DeletedStatus));
    }

    [Test]
    public async Task Waiting_for_deletion_times_out_while_the_service_still_exists()
    {
        var service = await CreateAvailableServiceAsync(_client);

        var error = await FailureOf<WaitTimeoutException>(() =>
            ServiceWaiter.WaitForDeletedAsync(_client, service.Id, TimeSpan.FromMilliseconds(200), null, CancellationToken.None, Samples.FastPolling));

        Assert.That(error.LastSeen?.Status, Is.EqualTo("available"));
    }

    private sealed class Collector(List<WaitProgress> reports) : IProgress<WaitProgress>
    {
        public void Report(WaitProgress value) => reports.Add(value);
    }
}
