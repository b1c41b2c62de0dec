using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>Password tokens are renewed shortly before they expire, and only once however many callers need it.</summary>
public sealed class TokenRefreshTests : EmulatedTestBase
{
    // Renewal is due after nine tenths of it: 2.7 s, enough for fifty calls on a loaded machine to use the renewed token
    // before it is due again.
    private static readonly TimeSpan ShortLifetime = TimeSpan.FromSeconds(3);

    protected override EmulatorOptions CreateEmulatorOptions() => new()
    {
        CreateDelay = TimeSpan.FromMilliseconds(100),
        DeleteDelay = TimeSpan.FromMilliseconds(100),
        TokenLifetime = ShortLifetime,
    };

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
}
