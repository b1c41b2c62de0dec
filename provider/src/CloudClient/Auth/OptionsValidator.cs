namespace Otc.CloudClient;

/// <summary>Picks the authentication mode from the options and rejects missing or contradictory settings.</summary>
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

        var hasAccessKey = Set(options.AccessKey) || Set(options.SecretKey);
        var hasPassword = Set(options.Username) || Set(options.Password);
        var hasToken = Set(options.Token);
        var modes = new List<string>();
        if (hasAccessKey)
        {
            modes.Add("AccessKey/SecretKey");
        }

        if (hasPassword)
        {
            modes.Add("Username/Password");
        }

        if (hasToken)
        {
            modes.Add("Token");
        }

        if (modes.Count == 0)
        {
            throw new OtcConfigurationException(
                "No credentials: set AccessKey and SecretKey, or Username, Password and DomainName, or Token.",
                nameof(OtcClientOptions.AccessKey), nameof(OtcClientOptions.SecretKey), nameof(OtcClientOptions.Username),
                nameof(OtcClientOptions.Password), nameof(OtcClientOptions.DomainName), nameof(OtcClientOptions.Token));
        }

        if (modes.Count > 1)
        {
            throw new OtcConfigurationException(
                $"Contradictory credentials: only one of {string.Join(", ", modes)} may be set.",
                [.. KeysOf(hasAccessKey, hasPassword, hasToken)]);
        }

        if (Set(options.SecurityToken) && !hasAccessKey)
        {
            throw new OtcConfigurationException("SecurityToken belongs to a temporary AccessKey/SecretKey pair; set those too.",
                nameof(OtcClientOptions.SecurityToken), nameof(OtcClientOptions.AccessKey), nameof(OtcClientOptions.SecretKey));
        }

        if (hasAccessKey)
        {
            Require(options.AccessKey, nameof(OtcClientOptions.AccessKey), "SecretKey is set without AccessKey.");
            Require(options.SecretKey, nameof(OtcClientOptions.SecretKey), "AccessKey is set without SecretKey.");
            return AuthMode.AccessKey;
        }

        if (hasPassword)
        {
            Require(options.Username, nameof(OtcClientOptions.Username), "Password is set without Username.");
            Require(options.Password, nameof(OtcClientOptions.Password), "Username is set without Password.");
            Require(options.DomainName, nameof(OtcClientOptions.DomainName), "Password authentication needs the DomainName the user belongs to.");
            return AuthMode.Password;
        }

        return AuthMode.StaticToken;
    }

    private static IEnumerable<string> KeysOf(bool accessKey, bool password, bool token)
    {
        if (accessKey)
        {
            yield return nameof(OtcClientOptions.AccessKey);
            yield return nameof(OtcClientOptions.SecretKey);
        }

        if (password)
        {
            yield return nameof(OtcClientOptions.Username);
            yield return nameof(OtcClientOptions.Password);
        }

        if (token)
        {
            yield return nameof(OtcClientOptions.Token);
        }
    }

    private static void Require(string? value, string key, string message)
    {
        if (!Set(value))
        {
            throw new OtcConfigurationException(message, key);
        }
    }

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value);
}
