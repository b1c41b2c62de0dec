namespace Otc.Provider.Configuration;

/// <summary>
/// The rules a configuration must meet before the provider can talk to OTC: a region, and a complete set of credentials
/// (a token, AK/SK with an optional security token, or user name + password + domain) where several may be given
/// (<see cref="CredentialChoice"/> picks one). Keys whose value is still unknown (preview) are given the benefit of the doubt.
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
        if (config.CloudProblem is { } cloudProblem)
        {
            yield return new ConfigProblem(false, [ConfigKeys.Cloud], $"{ConfigKeys.Cloud.HowToSet}: {cloudProblem}");
            yield break;
        }

        if (CredentialChoice.Of(config) is not { } choice)
        {
            yield return Missing(
                [ConfigKeys.AccessKey, ConfigKeys.SecretKey],
                $"no usable credentials: set accessKey and secretKey ({ConfigKeys.AccessKey.EnvironmentVariable}, {ConfigKeys.SecretKey.EnvironmentVariable}), "
                + $"or username, password and domainName ({ConfigKeys.Username.EnvironmentVariable}, {ConfigKeys.Password.EnvironmentVariable}, {ConfigKeys.DomainName.EnvironmentVariable}), "
                + $"or token ({ConfigKeys.Token.EnvironmentVariable}), or name a clouds.yaml cloud that has them ({ConfigKeys.Cloud.HowToSet})");
            yield break;
        }

        var present = string.Join(", ", choice.PresentKeys(config).Select(key => $"{key.Name} from {config.Origin(key)}"));
        foreach (var key in choice.MissingKeys(config))
        {
            yield return Missing([key], $"{choice.Set.Name} authentication is incomplete ({present}): {key.Name} is missing; set {key.HowToSet}"
                + (key.FromCloud is null ? "" : " or the cloud's entry in clouds.yaml"));
        }
    }

    private static ConfigProblem Missing(IReadOnlyList<ConfigKey> keys, string message) => new(true, keys, message);

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
