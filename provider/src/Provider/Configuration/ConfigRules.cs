namespace Otc.Provider.Configuration;

/// <summary>
/// The rules a configuration must meet before the provider can talk to OTC: a region, and exactly one complete set of
/// credentials (AK/SK with an optional security token, user name + password + domain, or a token). Keys whose value
/// is still unknown (preview) are given the benefit of the doubt.
/// </summary>
internal static class ConfigRules
{
    public static IReadOnlyList<ConfigProblem> Problems(ResolvedConfig config)
    {
        var problems = new List<ConfigProblem>();
        if (!config.IsSet(ConfigKeys.Region) && !config.IsUnknown(ConfigKeys.Region))
        {
            problems.Add(Missing([ConfigKeys.Region], $"the region is required: set {ConfigKeys.Region.HowToSet}"));
        }

        foreach (var url in new[] { ConfigKeys.AuthUrl, ConfigKeys.VpcepEndpoint })
        {
            if (config.Text(url) is { } text && !IsHttpUrl(text))
            {
                problems.Add(new ConfigProblem(false, [url], $"{url.HowToSet} must be an absolute http or https URL"));
            }
        }

        if (config.Integer(ConfigKeys.MaxConnections) is < 1)
        {
            problems.Add(new ConfigProblem(false, [ConfigKeys.MaxConnections], $"{ConfigKeys.MaxConnections.HowToSet} must be at least 1"));
        }

        if (ConfigKeys.All.Any(config.IsUnknown))
        {
            // Which credentials apply cannot be decided yet; Configure checks again with known values.
            return problems;
        }

        problems.AddRange(CredentialProblems(config));
        return problems;
    }

    private static IEnumerable<ConfigProblem> CredentialProblems(ResolvedConfig config)
    {
        var accessKeyMode = config.IsSet(ConfigKeys.AccessKey) || config.IsSet(ConfigKeys.SecretKey);
        var passwordMode = config.IsSet(ConfigKeys.Username) || config.IsSet(ConfigKeys.Password);
        var tokenMode = config.IsSet(ConfigKeys.Token);
        var modes = new List<(string Name, ConfigKey[] Keys)>();
        if (accessKeyMode)
        {
            modes.Add(("accessKey/secretKey", [ConfigKeys.AccessKey, ConfigKeys.SecretKey]));
        }

        if (passwordMode)
        {
            modes.Add(("username/password", [ConfigKeys.Username, ConfigKeys.Password]));
        }

        if (tokenMode)
        {
            modes.Add(("token", [ConfigKeys.Token]));
        }

        if (modes.Count == 0)
        {
            yield return Missing(
                [ConfigKeys.AccessKey, ConfigKeys.SecretKey],
                $"no usable credentials: set accessKey and secretKey ({ConfigKeys.AccessKey.EnvironmentVariable}, {ConfigKeys.SecretKey.EnvironmentVariable}), "
                + $"or username, password and domainName ({ConfigKeys.Username.EnvironmentVariable}, {ConfigKeys.Password.EnvironmentVariable}, {ConfigKeys.DomainName.EnvironmentVariable}), "
                + $"or token ({ConfigKeys.Token.EnvironmentVariable})");
            yield break;
        }

        if (modes.Count > 1)
        {
            yield return new ConfigProblem(false, [.. modes.Skip(1).SelectMany(mode => mode.Keys)],
                $"contradictory credentials: {string.Join(" and ", modes.Select(mode => mode.Name))} are all set (in config or environment); keep exactly one");
            yield break;
        }

        if (config.IsSet(ConfigKeys.SecurityToken) && !accessKeyMode)
        {
            yield return new ConfigProblem(false, [ConfigKeys.SecurityToken],
                "securityToken belongs to a temporary accessKey/secretKey pair, but no accessKey and secretKey are set");
        }

        if (accessKeyMode)
        {
            foreach (var problem in PairProblems(config, ConfigKeys.AccessKey, ConfigKeys.SecretKey))
            {
                yield return problem;
            }
        }

        if (passwordMode)
        {
            foreach (var problem in PairProblems(config, ConfigKeys.Username, ConfigKeys.Password))
            {
                yield return problem;
            }

            if (!config.IsSet(ConfigKeys.DomainName))
            {
                yield return Missing([ConfigKeys.DomainName],
                    $"password authentication needs the account the user belongs to: set {ConfigKeys.DomainName.HowToSet}");
            }
        }
    }

    private static IEnumerable<ConfigProblem> PairProblems(ResolvedConfig config, ConfigKey first, ConfigKey second)
    {
        if (!config.IsSet(first))
        {
            yield return Missing([first], $"{second.Name} is set but {first.Name} is missing: set {first.HowToSet}");
        }

        if (!config.IsSet(second))
        {
            yield return Missing([second], $"{first.Name} is set but {second.Name} is missing: set {second.HowToSet}");
        }
    }

    private static ConfigProblem Missing(IReadOnlyList<ConfigKey> keys, string message) => new(true, keys, message);

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
