using Otc.CloudClient;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Engine;

namespace Otc.Provider.Cloud;

/// <summary>Shows each poll of a wait as the resource's transient status line.</summary>
/// <param name="what">What is waited on, e.g. "endpoint service" or "VPC endpoint".</param>
/// <param name="awaited">The status (or statuses) waited for.</param>
internal sealed class StatusProgress(IResourceLog log, string what, string awaited) : IProgress<WaitProgress>
{
    public void Report(WaitProgress value)
    {
        var message = $"waiting for {what} {value.ResourceId} to become {awaited}: status {value.Status}, {value.Elapsed.TotalSeconds:0} s";
        _ = UserMessages.SendAsync(log.StatusAsync(message));
    }
}
