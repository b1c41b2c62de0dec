using Otc.ProviderHost.Engine;

namespace Otc.Provider.Tests.Unit;

/// <summary>A resource log that records messages so tests can assert on them.</summary>
internal sealed class SilentLog : IResourceLog
{
    public List<string> Messages { get; } = [];

    public Task DebugAsync(string message) => Record(message);

    public Task InfoAsync(string message) => Record(message);

    public Task WarningAsync(string message) => Record(message);

    public Task StatusAsync(string message) => Record(message);

    private Task Record(string message)
    {
        lock (Messages)
        {
            Messages.Add(message);
        }

        return Task.CompletedTask;
    }
}
