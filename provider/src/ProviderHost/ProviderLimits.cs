namespace Otc.ProviderHost;

/// <summary>Protocol-wide limits shared by the server and the engine client.</summary>
internal static class ProviderLimits
{
    /// <summary>The engine's own client allows 400 MiB messages; match it both ways.</summary>
    public const int MaxMessageSize = 400 * 1024 * 1024;
}
