using Otc.CloudClient;

namespace Otc.Provider.Configuration;

/// <summary>
/// The credential set the provider uses when several are given. The source decides first: a set written in the
/// program's <c>otc:</c> config wins over any in the environment, and one in the environment over any in clouds.yaml.
/// Within a source, the client's <see cref="CredentialPrecedence"/> decides (token, then AK/SK, then user name and
/// password, as the Terraform OTC provider does). Each key of the chosen set is still taken from the first source that
/// has it, so a config-written user name goes with the password from <c>OS_PASSWORD</c>.
/// </summary>
internal sealed record CredentialChoice(CredentialSet Set, ConfigSource Source, IReadOnlyList<CredentialSet> Ignored)
{
    public static CredentialChoice? Of(ResolvedConfig config)
    {
        foreach (var source in Enum.GetValues<ConfigSource>())
        {
            if (CredentialPrecedence.Order.FirstOrDefault(set => KeysOf(set.Keys).Any(key => config.Source(key) == source)) is { } chosen)
            {
                var ignored = CredentialPrecedence.Order.Where(set => set != chosen && KeysOf(set.Keys).Any(config.IsSet)).ToList();
                return new CredentialChoice(chosen, source, ignored);
            }
        }

        return null;
    }

    /// <summary>The config key that sets the client option named <paramref name="option"/>.</summary>
    public static ConfigKey KeyOf(string option) => ConfigKeys.All.Single(key => key.Option == option);

    /// <summary>Whether <paramref name="key"/> belongs to the chosen set (keys of ignored sets stay out of the client's options).</summary>
    public bool Uses(ConfigKey key) =>
        key.Option is null || Set.Keys.Contains(key.Option) || Set.Required.Contains(key.Option);

    public IEnumerable<ConfigKey> PresentKeys(ResolvedConfig config) => KeysOf(Set.Keys.Union(Set.Required)).Where(config.IsSet);

    public IReadOnlyList<ConfigKey> MissingKeys(ResolvedConfig config) =>
        [.. KeysOf(CredentialPrecedence.Missing(Set, option => config.IsSet(KeyOf(option))))];

    /// <summary>The one line Configure logs: which set, and where each of its keys came from; never a value.</summary>
    public string Describe(ResolvedConfig config)
    {
        var line = $"authenticating with {Set.Name} ({string.Join(", ", PresentKeys(config).Select(key => $"{key.Name} from {config.Origin(key)}"))})";
        return Ignored.Count == 0
            ? line
            : line + $"; also present but not used: {string.Join(", ", Ignored.Select(set => $"{set.Name} ({string.Join(", ", KeysOf(set.Keys).Where(config.IsSet).Select(config.Origin).Distinct())})"))}";
    }

    private static IEnumerable<ConfigKey> KeysOf(IEnumerable<string> options) => options.Select(KeyOf);
}
