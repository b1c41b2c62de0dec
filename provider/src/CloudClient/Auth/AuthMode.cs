namespace Otc.CloudClient;

/// <summary>How the client authenticates: the credential sets of <see cref="OtcClientOptions"/>.</summary>
public enum AuthMode
{
    AccessKey,
    Password,
    StaticToken,
}

/// <summary>
/// One credential set by <see cref="OtcClientOptions"/> property names: the keys that make it present (any one of
/// them) and the keys it then needs.
/// </summary>
public sealed record CredentialSet(AuthMode Mode, string Name, IReadOnlyList<string> Keys, IReadOnlyList<string> Required);

/// <summary>
/// Which set is used when several are given: the Terraform OTC provider's documented order ("If token, AK/SK and password
/// are set simultaneously, authentication will be done in the following order: Token, AK/SK, and Password"), so a
/// pipeline that configures both tools gets the same identity from each. Only the set used must be complete. The
/// client and the provider's configuration both take the sets and their order from here.
/// </summary>
public static class CredentialPrecedence
{
    public static readonly IReadOnlyList<CredentialSet> Order =
    [
        new(AuthMode.StaticToken, "token", [nameof(OtcClientOptions.Token)], [nameof(OtcClientOptions.Token)]),
        new(AuthMode.AccessKey, "AK/SK",
            [nameof(OtcClientOptions.AccessKey), nameof(OtcClientOptions.SecretKey), nameof(OtcClientOptions.SecurityToken)],
            [nameof(OtcClientOptions.AccessKey), nameof(OtcClientOptions.SecretKey)]),
        new(AuthMode.Password, "user name and password",
            [nameof(OtcClientOptions.Username), nameof(OtcClientOptions.Password)],
            [nameof(OtcClientOptions.Username), nameof(OtcClientOptions.Password), nameof(OtcClientOptions.DomainName)]),
    ];

    /// <summary>The set used: the first in <see cref="Order"/> with any key set (per <paramref name="isSet"/>), or null for none.</summary>
    public static CredentialSet? Choose(Func<string, bool> isSet) => Order.FirstOrDefault(set => set.Keys.Any(isSet));

    /// <summary>The keys <paramref name="set"/> needs that are not set.</summary>
    public static IReadOnlyList<string> Missing(CredentialSet set, Func<string, bool> isSet) => [.. set.Required.Where(key => !isSet(key))];
}
