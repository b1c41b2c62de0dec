namespace Otc.CloudClient;

/// <summary>
/// Waits on the connection of an endpoint to a service, as the service's owner sees it, on the client's
/// <see cref="StatusPoller"/> like <see cref="ServiceWaiter"/>: the connections of one service share one list call per tick.
/// </summary>
public static class ConnectionWaiter
{
    /// <summary>Waits until the connection is no longer <c>creating</c> (it can only be accepted then).</summary>
    /// <param name="current">The connection as just listed: its first read is then one interval away.</param>
    /// <exception cref="WaitTimeoutException">The deadline passed.</exception>
    /// <exception cref="OtcApiException">404: the service lists no connection of the endpoint (any more).</exception>
    public static Task<ServiceConnection> WaitUntilSettledAsync(
        IVpcepClient client, string serviceId, string endpointId, TimeSpan timeout, IProgress<WaitProgress>? progress, CancellationToken ct, WaitPolicy? policy = null, ServiceConnection? current = null)
        => UntilAsync(client, serviceId, endpointId, EndpointStatus.Settled, [], "finish connecting", timeout, progress, ct, policy, current);

    /// <summary>Waits until the connection is <c>accepted</c>.</summary>
    /// <param name="current">The connection as the accept answered it: its first read is then one interval away.</param>
    /// <exception cref="ConnectionFailedException">The connection reached <c>failed</c>.</exception>
    /// <exception cref="WaitTimeoutException">The deadline passed.</exception>
    /// <exception cref="OtcApiException">404: the service lists no connection of the endpoint (any more).</exception>
    public static Task<ServiceConnection> WaitForAcceptedAsync(
        IVpcepClient client, string serviceId, string endpointId, TimeSpan timeout, IProgress<WaitProgress>? progress, CancellationToken ct, WaitPolicy? policy = null, ServiceConnection? current = null)
        => UntilAsync(client, serviceId, endpointId, [EndpointStatus.Accepted], [EndpointStatus.Failed], "become accepted", timeout, progress, ct, policy, current);

    private static Task<ServiceConnection> UntilAsync(
        IVpcepClient client,
        string serviceId,
        string endpointId,
        IReadOnlyCollection<string> targets,
        IReadOnlyCollection<string> failures,
        string awaited,
        TimeSpan timeout,
        IProgress<WaitProgress>? progress,
        CancellationToken ct,
        WaitPolicy? policy,
        ServiceConnection? current)
        => StatusWaiter.UntilStatusAsync(
            client,
            PolledKinds.ConnectionsOf(serviceId),
            endpointId,
            new StatusGoal<ServiceConnection>(
                targets,
                failures,
                connection => new ConnectionFailedException(serviceId, connection),
                last => WaitTimeoutException.ForConnection(serviceId, endpointId, awaited, timeout, last)),
            timeout,
            progress,
            policy,
            current,
            ct);
}
