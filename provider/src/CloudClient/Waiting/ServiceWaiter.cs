namespace Otc.CloudClient;

/// <summary>
/// Waits for an endpoint service to become available or gone. Reads go through the client's
/// <see cref="StatusPoller"/>: concurrent waits share one list call per tick; a lone wait reads by id.
/// </summary>
public static class ServiceWaiter
{
    public const string DeletedStatus = StatusWaiter.GoneStatus;

    private static readonly string[] Available = [ServiceStatus.Available];
    private static readonly string[] Failed = [ServiceStatus.Failed];

    /// <summary>Waits for <c>available</c>.</summary>
    /// <param name="current">The service as just answered by a create or modify: the first read is then one interval away.</param>
    /// <exception cref="ServiceFailedException">The service reached <c>failed</c>.</exception>
    /// <exception cref="WaitTimeoutException">The deadline passed; carries the last service read.</exception>
    public static Task<EndpointService> WaitForAvailableAsync(
        IVpcepClient client, string serviceId, TimeSpan timeout, IProgress<WaitProgress>? progress, CancellationToken ct, WaitPolicy? policy = null, EndpointService? current = null)
        => StatusWaiter.UntilStatusAsync(
            client,
            PolledKinds.Service,
            serviceId,
            new StatusGoal<EndpointService>(Available, Failed, service => new ServiceFailedException(service), last => new WaitTimeoutException(serviceId, ServiceStatus.Available, timeout, last)),
            timeout,
            progress,
            policy,
            current,
            ct);

    /// <summary>Waits until the service answers 404.</summary>
    /// <param name="deletionRequested">The delete was just sent: the first read is one interval away.</param>
    /// <exception cref="WaitTimeoutException">The deadline passed; carries the last service read.</exception>
    public static Task WaitForDeletedAsync(
        IVpcepClient client, string serviceId, TimeSpan timeout, IProgress<WaitProgress>? progress, CancellationToken ct, WaitPolicy? policy = null, bool deletionRequested = false)
        => StatusWaiter.UntilGoneAsync(
            client,
            PolledKinds.Service,
            serviceId,
            last => new WaitTimeoutException(serviceId, DeletedStatus, timeout, last),
            timeout,
            progress,
            policy,
            deletionRequested,
            ct);
}
