namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>Whitelist entries: users write bare domain ids (or <c>*</c>); the API speaks <c>iam:domain::&lt;id&gt;</c>.</summary>
internal static class Permissions
{
    public const string DomainPrefix = "iam:domain::";
    public const string Everyone = "*";

    /// <summary>The bare domain id (or <c>*</c>), with the API prefix removed if present.</summary>
    public static string ToDomainId(string permission) =>
        permission.StartsWith(DomainPrefix, StringComparison.OrdinalIgnoreCase) ? permission[DomainPrefix.Length..] : permission;

    /// <summary>The value the permissions API expects.</summary>
    public static string ToWire(string domainId)
    {
        var bare = ToDomainId(domainId);
        return bare == Everyone ? Everyone : DomainPrefix + bare;
    }

    /// <summary>Distinct bare ids, sorted: the set a whitelist stands for.</summary>
    public static IReadOnlyList<string> ToSet(IEnumerable<string> permissions) =>
        [.. permissions.Select(ToDomainId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
