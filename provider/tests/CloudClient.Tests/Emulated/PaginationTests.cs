using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>
/// List calls walk every page, past the 1,000-item page limit, never ask for an offset at or past <c>total_count</c>
/// (the strict reading refuses it), and stop with an error when a page brings nothing new.
/// </summary>
public sealed class PaginationTests : EmulatedTestBase
{
    [Test]
    public async Task Permissions_beyond_a_thousand_come_back_complete_in_pages_of_500()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var service = await CreateAvailableServiceAsync(client);
        var wanted = Enumerable.Range(0, 1203).Select(i => $"iam:domain::{i:D32}").ToList();
        foreach (var batch in wanted.Chunk(400))
        {
            await client.UpdatePermissionsAsync(service.Id, PermissionAction.Add, batch, CancellationToken.None);
        }

        Emulator.Journal.Clear();

        var listed = await client.ListPermissionsAsync(service.Id, CancellationToken.None);

        var pages = Requests("GET", "/permissions").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(p => p.Permission), Is.SupersetOf(wanted));
            Assert.That(listed.Select(p => p.Id), Is.Unique);
            Assert.That(pages, Has.Count.EqualTo(3));
            Assert.That(pages.Select(p => p.Query), Has.All.Contains("limit=500"));
            Assert.That(pages[2].Query, Does.Contain("offset=1000"));
        });
    }

    [Test]
    public async Task Services_beyond_a_thousand_come_back_complete()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var before = (await client.ListServicesAsync(null, CancellationToken.None)).Count;
        // A few at a time: the setup is a thousand independent creates, the test is the listing.
        var created = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(before, Math.Max(0, 1005 - before)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, ct) =>
            created.Add((await client.CreateServiceAsync(Samples.Service(), ct)).Id));

        Emulator.Journal.Clear();

        var listed = await client.ListServicesAsync(null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(listed, Has.Count.GreaterThanOrEqualTo(1005));
            Assert.That(listed.Select(s => s.Id), Is.Unique);
            Assert.That(listed.Select(s => s.Id), Is.SupersetOf(created));
            Assert.That(Requests("GET", "/vpc-endpoint-services").Count(), Is.EqualTo(2));
        });
    }

    [TestCase(500, 1)]
    [TestCase(1000, 2)]
    public async Task A_full_last_page_ends_the_walk_without_an_offset_at_the_total(int entries, int pages)
    {
        using var client = await ConnectAsync(AkSkOptions());
        var service = await CreateAvailableServiceAsync(client);
        await AddPermissionsAsync(client, service.Id, entries);
        Emulator.Settings.Strict = true;
        Emulator.Journal.Clear();

        var listed = await client.ListPermissionsAsync(service.Id, CancellationToken.None);

        var requests = Requests("GET", "/permissions").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(listed, Has.Count.EqualTo(entries));
            Assert.That(requests.Select(r => r.Status), Is.EqualTo(Enumerable.Repeat(200, pages)), "the strict emulator refuses an offset at the total");
            Assert.That(requests.Select(r => r.Query), Has.None.Contains($"offset={entries}"));
        });
    }

    [Test]
    public async Task A_server_that_ignores_offset_ends_the_walk_with_an_error_after_one_repeated_page()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var service = await CreateAvailableServiceAsync(client);
        await AddPermissionsAsync(client, service.Id, 501);
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "/permissions$", IgnoreOffset = true });
        Emulator.Journal.Clear();

        var error = await FailureOf<OtcTransportException>(() => client.ListPermissionsAsync(service.Id, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("repeated only items already read").And.Contain("offset 500"));
            Assert.That(Requests("GET", "/permissions").Count(), Is.EqualTo(2), "the second page, a copy of the first, ends it");
        });
    }

    [Test]
    public async Task A_server_that_ignores_offset_is_no_problem_while_one_page_holds_everything()
    {
        using var client = await ConnectAsync(AkSkOptions());
        var service = await CreateAvailableServiceAsync(client);
        await AddPermissionsAsync(client, service.Id, 500);
        Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "/permissions$", IgnoreOffset = true });
        Emulator.Journal.Clear();

        var listed = await client.ListPermissionsAsync(service.Id, CancellationToken.None);

        Assert.That(listed, Has.Count.EqualTo(500));
        Assert.That(Requests("GET", "/permissions").Count(), Is.EqualTo(1));
    }

    private static async Task AddPermissionsAsync(IVpcepClient client, string serviceId, int count)
    {
        foreach (var batch in Enumerable.Range(0, count).Select(i => $"iam:domain::{i:D32}").Chunk(400))
        {
            await client.UpdatePermissionsAsync(serviceId, PermissionAction.Add, batch, CancellationToken.None);
        }
    }
}
