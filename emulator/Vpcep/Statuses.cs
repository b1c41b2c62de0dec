namespace Otc.Emulator.Vpcep;

internal static class Statuses
{
    public const string Creating = "creating";
    public const string Available = "available";
    public const string Failed = "failed";
    public const string Deleting = "deleting";
    public const string PendingAcceptance = "pendingAcceptance";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    public static readonly IReadOnlySet<string> ServiceFilter = new HashSet<string>(StringComparer.Ordinal)
    {
        Creating, Available, Failed, Deleting,
    };

    public static readonly IReadOnlySet<string> ConnectionFilter = new HashSet<string>(StringComparer.Ordinal)
    {
        PendingAcceptance, Creating, Accepted, Rejected, Failed, Deleting,
    };

    /// <summary>Endpoints in these states count as connections and block deletion of their service.</summary>
    public static bool HoldsService(string endpointStatus) => endpointStatus is Creating or Accepted;
}
