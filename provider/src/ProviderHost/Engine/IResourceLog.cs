namespace Otc.ProviderHost.Engine;

/// <summary>Messages shown to the user through the engine's Log RPC, attached to one resource.</summary>
public interface IResourceLog
{
    Task DebugAsync(string message);

    Task InfoAsync(string message);

    Task WarningAsync(string message);

    /// <summary>A transient status line (e.g. "waiting for available, 12 s"), not kept in the log.</summary>
    Task StatusAsync(string message);
}
