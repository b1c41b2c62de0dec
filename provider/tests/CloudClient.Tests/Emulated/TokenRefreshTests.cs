using Microsoft.Extensions.Time.Testing;
using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>
/// Password tokens are renewed shortly before they expire, and only once however many callers need it. The client and
/// the emulator share a fake clock, so a token's lifetime passes in one step and never while the calls run.
/// </summary>
public sealed class TokenRefreshTests : EmulatedTestBase
{
    // Renewal is due after nine tenths of it.
    private static readonly TimeSpan ShortLifetime = TimeSpan.FromSeconds(3);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override EmulatorOptions CreateEmulatorOptions() => new()
    {
        Clock = _clock,
        CreateDelay = TimeSpan.FromMilliseconds(100),
        DeleteDelay = TimeSpan.FromMilliseconds(100),
        TokenLifetime = ShortLifetime,
    };

    [Test]
    public async Task Fifty_concurrent_callers_with_a_stale_token_share_one_renewal()
    {
        using var client = await ConnectAsync(PasswordOptions(), _clock);
        // Let the token reach its renewal point, so every caller below finds it stale at once.
        _clock.Advance(ShortLifetime);
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
        using var client = await ConnectAsync(PasswordOptions(), _clock);
        await client.ListServicesAsync(null, CancellationToken.None);
        _clock.Advance(ShortLifetime);

        await client.ListServicesAsync(null, CancellationToken.None);

        var entries = Emulator.Journal.Entries;
        Assert.Multiple(() =>
        {
            Assert.That(TokenRequests, Is.EqualTo(2));
            Assert.That(entries.Where(e => e.Status == 401), Is.Empty, "renewal happens before the old token is refused");
        });
    }
}
