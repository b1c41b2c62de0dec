namespace Otc.Provider.Tests.Lifecycle;

/// <summary>What the strict-mode tests read back from the emulator, shared with the test that proves they can fail.</summary>
internal static class StrictReadings
{
    /// <summary>The service's approval and TCP proxy mode as the cloud holds them (not as the provider last reported them).</summary>
    public static async Task<(bool ApprovalEnabled, string? TcpProxy)> ApprovalAndProxyAsync(LifecycleEnvironment env, string serviceId)
    {
        using var cloud = await env.CloudAsync();
        var service = await cloud.GetServiceAsync(serviceId, CancellationToken.None);
        return (service.ApprovalEnabled, service.TcpProxy);
    }
}
