using Otc.ProviderHost.Protocol;

namespace Otc.ProviderHost.Engine;

/// <summary>Sends a resource's messages to the engine with its URN, so the display attaches them to the resource.</summary>
internal sealed class EngineResourceLog(EngineConnection engine, string urn) : IResourceLog
{
    public Task DebugAsync(string message) => engine.LogAsync(LogSeverity.Debug, message, urn);

    public Task InfoAsync(string message) => engine.LogAsync(LogSeverity.Info, message, urn);

    public Task WarningAsync(string message) => engine.LogAsync(LogSeverity.Warning, message, urn);

    public Task StatusAsync(string message) => engine.LogAsync(LogSeverity.Info, message, urn, ephemeral: true);
}
