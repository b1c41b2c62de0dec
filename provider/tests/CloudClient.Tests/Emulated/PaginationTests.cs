using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>List calls walk every page, past the 1,000-item page limit.</summary>
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
}
