namespace Otc.Provider.Configuration;

public enum ConfigValueType
{
    String,
    Boolean,
    Integer,
}

/// <summary>One provider configuration key (<c>otc:&lt;name&gt;</c>) with the environment variable that stands in for it.</summary>
public sealed record ConfigKey(string Name, string EnvironmentVariable, ConfigValueType Type, bool IsSecret, string Description)
{
    /// <summary>How a user sets it, for messages: both the config key and the environment variable.</summary>
    public string HowToSet => $"otc:{Name} or {EnvironmentVariable}";
}
