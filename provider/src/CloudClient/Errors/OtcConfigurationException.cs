namespace Otc.CloudClient;

/// <summary>The options are incomplete or contradictory. <see cref="OptionKeys"/> names the <see cref="OtcClientOptions"/> properties involved.</summary>
public sealed class OtcConfigurationException : Exception
{
    public OtcConfigurationException(string message, params string[] optionKeys)
        : base(message)
    {
        OptionKeys = optionKeys;
    }

    /// <summary>Property names of <see cref="OtcClientOptions"/> (e.g. <c>AccessKey</c>, <c>SecretKey</c>) so a config layer can map them to its own keys.</summary>
    public IReadOnlyList<string> OptionKeys { get; }
}
