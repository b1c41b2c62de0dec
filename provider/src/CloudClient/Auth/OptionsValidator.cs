namespace Otc.CloudClient;

/// <summary>Picks the authentication mode from the options (by <see cref="CredentialPrecedence"/>) and rejects missing settings.</summary>
internal static class OptionsValidator
{
    public static AuthMode Validate(OtcClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            throw new OtcConfigurationException("The region is required (e.g. eu-de).", nameof(OtcClientOptions.Region));
        }

        if (options.MaxRetries < 0)
        {
            throw new OtcConfigurationException("MaxRetries must not be negative.", nameof(OtcClientOptions.MaxRetries));
        }

        if (options.ThrottleRetryBudget < TimeSpan.Zero)
        {
            throw new OtcConfigurationException("ThrottleRetryBudget must not be negative.", nameof(OtcClientOptions.ThrottleRetryBudget));
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            throw new OtcConfigurationException("RequestTimeout must be positive.", nameof(OtcClientOptions.RequestTimeout));
        }

        if (options.MaxConnectionsPerServer < 1)
        {
            throw new OtcConfigurationException("MaxConnectionsPerServer must be at least 1.", nameof(OtcClientOptions.MaxConnectionsPerServer));
        }

        bool IsSet(string key) => Set(ValueOf(options, key));
        var set = CredentialPrecedence.Choose(IsSet)
            ?? throw new OtcConfigurationException(
                "No credentials: set AccessKey and SecretKey, or Username, Password and DomainName, or Token.",
                nameof(OtcClientOptions.AccessKey), nameof(OtcClientOptions.SecretKey), nameof(OtcClientOptions.Username),
                nameof(OtcClientOptions.Password), nameof(OtcClientOptions.DomainName), nameof(OtcClientOptions.Token));

        // Several sets: the first by precedence is used and the others are ignored; only that one must be complete.
        var missing = CredentialPrecedence.Missing(set, IsSet);
        if (missing.Count > 0)
        {
            var present = set.Keys.Where(IsSet).ToList();
            throw new OtcConfigurationException(
                $"{set.Name} authentication is incomplete: {string.Join(", ", present)} {(present.Count == 1 ? "is" : "are")} set, "
                + $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing.",
                [.. missing]);
        }

        return set.Mode;
    }

    private static string? ValueOf(OtcClientOptions options, string key) => key switch
    {
        nameof(OtcClientOptions.Token) => options.Token,
        nameof(OtcClientOptions.AccessKey) => options.AccessKey,
        nameof(OtcClientOptions.SecretKey) => options.SecretKey,
        nameof(OtcClientOptions.SecurityToken) => options.SecurityToken,
        nameof(OtcClientOptions.Username) => options.Username,
        nameof(OtcClientOptions.Password) => options.Password,
        nameof(OtcClientOptions.DomainName) => options.DomainName,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a credential option"),
    };

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value);
}
