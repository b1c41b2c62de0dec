namespace Otc.ProviderHost;

/// <summary>Protocol-wide limits shared by the server and the engine client.</summary>
internal static class ProviderLimits
{
    /// <summary>The engine's own client allows 400 MiB messages; match it both ways.</summary>
    public const int MaxMessageSize = 400 * 1024 * 1024;

    /// <summary>
    /// The engine runs every resource operation of a deployment (unbounded <c>--parallel</c> by default) as a stream of
    /// one HTTP/2 connection, and its Go client queues streams beyond the server's limit. Kestrel's default of 100 would
    /// hold the 101st operation back until another ends; Go providers announce no limit, and neither do we.
    /// </summary>
    public const int MaxConcurrentCalls = int.MaxValue;
}
