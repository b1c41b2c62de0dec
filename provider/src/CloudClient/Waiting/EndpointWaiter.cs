namespace Otc.CloudClient;

/// <summary>
/// Waits for a VPC endpoint to be connected (<c>accepted</c>, or <c>pendingAcceptance</c> when the service needs
/// approval) or gone, on the client's <see cref="StatusPoller"/> like <see cref="ServiceWaiter"/>.
/// </summary>
public static class EndpointWaiter
{
    /// <summary>Waits for <c>accepted</c> or <c>pendingAcceptance</c>.</summary>
    /// <param name="current">The endpoint as just answered by the create: the first read is then one interval away.</param>
    /// <exception cref="EndpointFailedException">The endpoint reached <c>failed</c> or <c>rejected</c>.</exception>
    /// <exception cref="WaitTimeoutException">The deadline passed; carries the last endpoint read.</exception>
    public static Task<VpcEndpoint> WaitForReadyAsync(
        IVpcepClient client, string endpointId, TimeSpan timeout, IProgress<WaitProgress>? progress, CancellationToken ct, WaitPolicy? policy = null, VpcEndpoint? current = null)
        => StatusWaiter.UntilStatusAsync(
            client,
            PolledKinds.Endpoint,
            endpointId,
            new StatusGoal<VpcEndpoint>(EndpointStatus.Connected, EndpointStatus.Unhealthy, endpoint => new EndpointFailedException(endpoint), last => WaitTimeoutException.ForEndpoint(endpointId, "accepted or pendingAcceptance", timeout, last)),
            timeout,
            progress,
            policy,
            current,
            ct);

    /// <summary>Waits until the endpoint answers 404.</summary>
    /// <param name="deletionRequested">The delete was just sent: the first read is one interval away.</param>
    /// <exception cref="WaitTimeoutException">The deadline passed; carries the last endpoint read.</exception>
    public static Task WaitForDeletedAsync(
        IVpcepClient client, string endpointId, TimeSpan timeout, IProgress<WaitProgress>? progress, CancellationToken ct, WaitPolicy? policy = null, bool deletionRequested = false)
        => StatusWaiter.UntilGoneAsync<VpcEndpoint>(
            client,
            PolledKinds.Endpoint,
            endpointId,
            last => WaitTimeoutException.ForEndpoint(endpointId, StatusWaiter.GoneStatus, timeout, last),
            timeout,
            progress,
            policy,
            deletionRequested,
            ct);
}
