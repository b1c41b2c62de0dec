using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>
/// The client's one status poller: concurrent waits share one list call per tick, a refused list falls back to reads
/// by id for good, a resource missing from the list is read by id before it counts as gone, and ending one wait does
/// not disturb the others. Each test uses its own client, because the poller (and what it learned) lives per client.
/// The client and the emulator share a clock that moves only while the poller sleeps, so ticks and creation delays are
/// exact and take no real time.
/// </summary>
public sealed class StatusPollerTests : EmulatedTestBase
{
    private const string ServiceList = "/vpc-endpoint-services";
    private const string EndpointList = "/vpc-endpoints";

    /// <summary>Slow enough that the waits of one test, started together, fall due within the same tick.</summary>
    private static readonly WaitPolicy Ticks = new() { InitialDelay = TimeSpan.FromMilliseconds(300) };

    private readonly IdleAdvancingClock _clock = new();

    [TearDown]
    public void RestoreDelays() => Emulator.Settings.CreateDelay = TimeSpan.FromMilliseconds(150);

    protected override EmulatorOptions CreateEmulatorOptions() => new()
    {
        Clock = _clock,
        CreateDelay = TimeSpan.FromMilliseconds(150),
        DeleteDelay = TimeSpan.FromMilliseconds(150),
        ServiceQuota = 2000,
        EndpointQuota = 200,
    };

    [Test]
    public async Task One_list_call_per_tick_serves_many_concurrent_waits()
    {
        using var client = await ConnectAsync(AkSkOptions(), _clock);
        Emulator.Settings.CreateDelay = TimeSpan.FromMilliseconds(1000);
        var created = await CreateServicesAsync(client, 12);
        Emulator.Journal.Clear();

        var available = await _clock.RunAsync(Task.WhenAll(created.Select(service =>
            ServiceWaiter.WaitForAvailableAsync(client, service.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Ticks, current: service))));

        var lists = ListCalls(ServiceList);
        TestContext.Out.WriteLine($"{lists.Count} list calls for {created.Count} waits");
        Assert.Multiple(() =>
        {
            Assert.That(available.Select(service => service.Status), Has.All.EqualTo("available"));
            Assert.That(available.Select(service => service.Id), Is.EqualTo(created.Select(service => service.Id)));
            Assert.That(created.SelectMany(service => Requests("GET", service.Id)), Is.Empty, "no service was read by id");
            Assert.That(lists, Is.Not.Empty);
            Assert.That(lists, Has.Count.LessThan(created.Count), "fewer calls than waits, though every wait was read at least twice");
            Assert.That(lists.Select(call => call.Query), Has.All.Contains("limit=1000"));
        });
    }

    [Test]
    public async Task A_single_wait_reads_by_id_and_never_lists()
    {
        using var client = await ConnectAsync(AkSkOptions(), _clock);
        Emulator.Settings.CreateDelay = TimeSpan.FromMilliseconds(700);
        var created = await client.CreateServiceAsync(Samples.Service(), CancellationToken.None);
        Emulator.Journal.Clear();

        var available = await _clock.RunAsync(
            ServiceWaiter.WaitForAvailableAsync(client, created.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Ticks, current: created));

        Assert.Multiple(() =>
        {
            Assert.That(available.Status, Is.EqualTo("available"));
            Assert.That(ListCalls(ServiceList), Is.Empty);
            Assert.That(Requests("GET", created.Id).Count(), Is.GreaterThanOrEqualTo(2), "read by id until available");
        });
    }

    [Test]
    public async Task A_list_refused_with_403_falls_back_to_reads_by_id_for_the_life_of_the_client()
    {
        using var client = await ConnectAsync(AkSkOptions(), _clock);
        Emulator.Settings.CreateDelay = TimeSpan.FromMilliseconds(700);
        Emulator.Faults.Add(new FaultRule
        {
            Method = "GET",
            Path = "vpc-endpoint-services$",
            Status = 403,
            ErrorCode = "EndPoint.0004",
            ErrorMsg = "Policy doesn't allow vpcep:epservices:list to be performed.",
        });
        var first = await CreateServicesAsync(client, 4);
        Emulator.Journal.Clear();

        var firstRound = await _clock.RunAsync(Task.WhenAll(first.Select(service =>
            ServiceWaiter.WaitForAvailableAsync(client, service.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Ticks, current: service))));
        var second = await CreateServicesAsync(client, 3);
        var secondRound = await _clock.RunAsync(Task.WhenAll(second.Select(service =>
            ServiceWaiter.WaitForAvailableAsync(client, service.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Ticks, current: service))));

        Assert.Multiple(() =>
        {
            Assert.That(firstRound.Concat(secondRound).Select(service => service.Status), Has.All.EqualTo("available"));
            Assert.That(ListCalls(ServiceList).Select(call => call.Status), Is.EqualTo(new[] { 403 }), "listed once, never again after the refusal");
            Assert.That(first.Concat(second).Select(service => Requests("GET", service.Id).Count(call => call.Status == 200)), Has.All.GreaterThanOrEqualTo(1));
            Assert.That(Output.Lines, Has.Some.Contains("listing endpoint services was refused (403 EndPoint.0004)"));
        });
    }

    [Test]
    public async Task A_service_missing_from_the_list_is_read_by_id_and_only_a_404_ends_the_wait_for_its_deletion()
    {
        using var client = await ConnectAsync(AkSkOptions(), _clock);
        var services = await _clock.RunAsync(Task.WhenAll(Enumerable.Range(0, 3).Select(_ => CreateAvailableServiceAsync(client))));
        Emulator.Journal.Clear();

        // Not deleted: the deleting-only list leaves them out, and the reads by id show them still there.
        var stillThere = await _clock.RunAsync(Task.WhenAll(services.Select(service => FailureOf<WaitTimeoutException>(() =>
            ServiceWaiter.WaitForDeletedAsync(client, service.Id, TimeSpan.FromSeconds(1), null, CancellationToken.None, Ticks, deletionRequested: true)))));
        var listsWhileThere = ListCalls(ServiceList);
        var readsWhileThere = services.Select(service => Requests("GET", service.Id).Select(call => call.Status).ToList()).ToList();
        Emulator.Journal.Clear();

        foreach (var service in services)
        {
            await client.DeleteServiceAsync(service.Id, CancellationToken.None);
        }

        await _clock.RunAsync(Task.WhenAll(services.Select(service =>
            ServiceWaiter.WaitForDeletedAsync(client, service.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Ticks, deletionRequested: true))));

        Assert.Multiple(() =>
        {
            Assert.That(stillThere.Select(error => error.LastSeen?.Status), Has.All.EqualTo("available"));
            Assert.That(listsWhileThere, Is.Not.Empty);
            Assert.That(listsWhileThere.Select(call => call.Query), Has.All.Contains("status=deleting"));
            Assert.That(readsWhileThere, Has.None.Empty, "every service missing from the list was read by id");
            Assert.That(readsWhileThere.SelectMany(statuses => statuses), Has.All.EqualTo(200));
            Assert.That(ListCalls(ServiceList), Is.Not.Empty);
            Assert.That(services.Select(service => Requests("GET", service.Id).Last().Status), Has.All.EqualTo(404), "each wait ended on its own 404");
        });
    }

    [Test]
    public async Task Cancelling_one_wait_does_not_disturb_the_others()
    {
        using var client = await ConnectAsync(AkSkOptions(), _clock);
        Emulator.Settings.CreateDelay = TimeSpan.FromMilliseconds(1500);
        var created = await CreateServicesAsync(client, 4);
        Emulator.Journal.Clear();
        using var cancel = new CancellationTokenSource();

        var cancelled = ServiceWaiter.WaitForAvailableAsync(client, created[0].Id, TimeSpan.FromSeconds(20), null, cancel.Token, Ticks, current: created[0]);
        var others = created.Skip(1).Select(service =>
            ServiceWaiter.WaitForAvailableAsync(client, service.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Ticks, current: service)).ToList();
        // The clock stops at the first shared read, long before the creations are done.
        await _clock.RunUntilAsync(() => ListCalls(ServiceList).Count >= 1);
        await cancel.CancelAsync();

        await FailureOf<OperationCanceledException>(() => cancelled);
        var available = await _clock.RunAsync(Task.WhenAll(others));

        Assert.Multiple(() =>
        {
            Assert.That(available.Select(service => service.Status), Has.All.EqualTo("available"));
            Assert.That(ListCalls(ServiceList), Has.Count.GreaterThanOrEqualTo(2), "the shared reads went on after the cancellation");
            Assert.That(ListCalls(ServiceList).Select(call => call.Status), Has.All.EqualTo(200));
            Assert.That(created.SelectMany(service => Requests("GET", service.Id)), Is.Empty);
        });
    }

    [Test]
    public async Task Waits_for_many_endpoints_share_the_endpoint_list_and_their_deletions_are_confirmed_by_id()
    {
        using var client = await ConnectAsync(AkSkOptions(), _clock);
        Emulator.Settings.CreateDelay = TimeSpan.FromMilliseconds(700);
        var service = await _clock.RunAsync(CreateAvailableServiceAsync(client));
        var endpoints = new List<VpcEndpoint>();
        for (var i = 0; i < 5; i++)
        {
            endpoints.Add(await client.CreateEndpointAsync(
                new CreateEndpointRequest { EndpointServiceId = service.Id, VpcId = Guid.NewGuid().ToString(), SubnetId = Guid.NewGuid().ToString() },
                CancellationToken.None));
        }

        Emulator.Journal.Clear();

        var ready = await _clock.RunAsync(Task.WhenAll(endpoints.Select(endpoint =>
            EndpointWaiter.WaitForReadyAsync(client, endpoint.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Ticks, current: endpoint))));
        var listsWhileCreating = ListCalls(EndpointList);
        var readsWhileCreating = endpoints.SelectMany(endpoint => Requests("GET", endpoint.Id)).ToList();
        Emulator.Journal.Clear();
        foreach (var endpoint in endpoints)
        {
            await client.DeleteEndpointAsync(endpoint.Id, CancellationToken.None);
        }

        await _clock.RunAsync(Task.WhenAll(endpoints.Select(endpoint =>
            EndpointWaiter.WaitForDeletedAsync(client, endpoint.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Ticks, deletionRequested: true))));

        Assert.Multiple(() =>
        {
            Assert.That(ready.Select(endpoint => endpoint.Status), Has.All.EqualTo("accepted"));
            Assert.That(listsWhileCreating, Is.Not.Empty);
            Assert.That(listsWhileCreating, Has.Count.LessThan(endpoints.Count));
            Assert.That(readsWhileCreating, Is.Empty, "no endpoint was read by id while others waited with it");
            Assert.That(endpoints.Select(endpoint => Requests("GET", endpoint.Id).Last().Status), Has.All.EqualTo(404));
        });
    }

    private List<JournalEntry> ListCalls(string list)
        => [.. Emulator.Journal.Entries.Where(call => call.Method == "GET" && call.Path.EndsWith(list, StringComparison.Ordinal))];

    private static async Task<List<EndpointService>> CreateServicesAsync(IVpcepClient client, int count)
    {
        var created = new List<EndpointService>();
        for (var i = 0; i < count; i++)
        {
            created.Add(await client.CreateServiceAsync(Samples.Service(), CancellationToken.None));
        }

        return created;
    }
}
