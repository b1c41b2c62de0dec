using Otc.CloudClient;

namespace Otc.Provider.Configuration;

public enum ConfigValueType
{
    String,
    Boolean,
    Integer,
}

/// <summary>
/// One provider configuration key (<c>otc:&lt;name&gt;</c>), the environment variables that stand in for it (first set
/// wins, in this order) and where a <c>clouds.yaml</c> cloud holds it.
/// </summary>
/// <param name="Option">The <see cref="OtcClientOptions"/> property it sets, for the credential rules; null for keys that set none.</param>
/// <param name="FromCloud">Its value in a clouds.yaml cloud; null for keys clouds.yaml has no place for.</param>
public sealed record ConfigKey(
    string Name,
    IReadOnlyList<string> EnvironmentVariables,
    ConfigValueType Type,
    bool IsSecret,
    string Description,
    string? Option = null,
    Func<CloudEntry, CloudSetting?>? FromCloud = null)
{
    /// <summary>The first of <see cref="EnvironmentVariables"/>, the one messages suggest.</summary>
    public string EnvironmentVariable => EnvironmentVariables[0];

    /// <summary>How a user sets it, for messages: the config key and the environment variables.</summary>
    public string HowToSet => $"otc:{Name} or {string.Join("/", EnvironmentVariables)}";
}
