namespace Otc.CloudClient;

/// <summary>
/// The statuses VPCEP reports, one vocabulary per kind, in one place. The API reference spells them in camel case; a
/// cloud may answer another case, so every comparison goes through <see cref="Is"/>, which ignores case.
/// </summary>
public static class StatusVocabulary
{
    /// <summary>What waits report once a read answers 404: the resource is gone.</summary>
    public const string Deleted = "deleted";

    public static bool Is(string? status, string expected) => string.Equals(status, expected, StringComparison.OrdinalIgnoreCase);

    public static bool IsAnyOf(string? status, IEnumerable<string> expected) => expected.Any(candidate => Is(status, candidate));
}

/// <summary>The statuses of an endpoint service.</summary>
public static class ServiceStatus
{
    public const string Creating = "creating";
    public const string Available = "available";
    public const string Failed = "failed";
    public const string Deleting = "deleting";
}

/// <summary>The statuses of a VPC endpoint, which its connection to the service shares (the owner sees the same status).</summary>
public static class EndpointStatus
{
    public const string Creating = "creating";
    public const string PendingAcceptance = "pendingAcceptance";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Deleting = "deleting";

    /// <summary>Connected, or waiting for the owner's approval: what a create waits for.</summary>
    public static readonly IReadOnlyList<string> Connected = [Accepted, PendingAcceptance];

    /// <summary>The statuses that carry no traffic and will not recover by themselves.</summary>
    public static readonly IReadOnlyList<string> Unhealthy = [Failed, Rejected];

    /// <summary>Every status but <see cref="Creating"/>: what a connection being set up settles into.</summary>
    public static readonly IReadOnlyList<string> Settled = [PendingAcceptance, Accepted, Rejected, Failed, Deleting];

    public static bool IsUnhealthy(string? status) => StatusVocabulary.IsAnyOf(status, Unhealthy);
}
