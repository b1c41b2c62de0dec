namespace Otc.Emulator.Vpcep;

/// <summary>A system-provided service that every tenant can connect to (owner "OTC").</summary>
internal sealed record PublicService(string Id, string Owner, string ServiceName, string ServiceType, DateTimeOffset CreatedAt, bool IsCharge, long Sequence);

internal static class PublicServices
{
    private static readonly DateTimeOffset Published = new(2020, 3, 30, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<PublicService> For(string region) =>
    [
        new("3f2c5b0e-1a4d-4c1e-9a51-6d0e3b1f0a01", "OTC", $"com.t-systems.otc.{region}.obs", "gateway", Published, false, 1),
        new("3f2c5b0e-1a4d-4c1e-9a51-6d0e3b1f0a02", "OTC", $"com.t-systems.otc.{region}.dns", "interface", Published.AddDays(1), false, 2),
    ];
}
