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

    /// <summary>Every status a connection can have: what the lenient reading filters on.</summary>
    public static readonly IReadOnlySet<string> ConnectionFilter = new HashSet<string>(StringComparer.Ordinal)
    {
        PendingAcceptance, Creating, Accepted, Rejected, Failed, Deleting,
    };

    /// <summary>
    /// The four values the connections page documents for its <c>status</c> filter (the answer's statuses add
    /// <c>creating</c> and <c>deleting</c>): what the strict reading filters on.
    /// </summary>
    public static readonly IReadOnlySet<string> DocumentedConnectionFilter = new HashSet<string>(StringComparer.Ordinal)
    {
        PendingAcceptance, Accepted, Rejected, Failed,
    };

    /// <summary>Endpoints in these states count as connections and block deletion of their service.</summary>
    public static bool HoldsService(string endpointStatus) => endpointStatus is Creating or Accepted;
}
