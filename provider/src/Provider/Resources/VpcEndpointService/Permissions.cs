namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// Whitelist entries: users write bare domain ids or <c>*</c> (the <c>iam:domain::</c> prefix is accepted too). The
/// action page fixes the request form to <c>iam:domain::&lt;id&gt;</c>, the id being <c>*</c> for every account, so
/// that is what is sent; the query page answers <c>iam:domain::&lt;id&gt;</c> or a bare <c>*</c>, and either reads
/// back as the same entry.
/// </summary>
internal static class Permissions
{
    public const string DomainPrefix = "iam:domain::";

    /// <summary>The bare domain id (or <c>*</c>), with the API prefix removed if present.</summary>
    public static string ToDomainId(string permission) =>
        permission.StartsWith(DomainPrefix, StringComparison.OrdinalIgnoreCase) ? permission[DomainPrefix.Length..] : permission;

    /// <summary>The value the permissions API expects: <c>iam:domain::&lt;id&gt;</c>, and <c>iam:domain::*</c> for every account.</summary>
    public static string ToWire(string domainId) => DomainPrefix + ToDomainId(domainId);

    /// <summary>Distinct bare ids, sorted: the set a whitelist stands for.</summary>
    public static IReadOnlyList<string> ToSet(IEnumerable<string> permissions) =>
        [.. permissions.Select(ToDomainId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
