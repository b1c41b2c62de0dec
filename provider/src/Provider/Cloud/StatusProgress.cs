using Otc.CloudClient;
using Otc.ProviderHost.Engine;

namespace Otc.Provider.Cloud;

/// <summary>Shows each poll of a wait as the resource's transient status line.</summary>
internal sealed class StatusProgress(IResourceLog log, string awaited) : IProgress<WaitProgress>
{
    public void Report(WaitProgress value)
    {
        var message = $"waiting for endpoint service {value.ResourceId} to become {awaited}: status {value.Status}, {value.Elapsed.TotalSeconds:0} s";
        _ = SendAsync(message);
    }

    private async Task SendAsync(string message)
    {
        try
        {
            await log.StatusAsync(message).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A status line that cannot be shown must not disturb the operation it describes.
        }
    }
}
