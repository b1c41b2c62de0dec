namespace Otc.CloudClient;

/// <summary>The wait deadline passed before the service reached the awaited state.</summary>
public sealed class WaitTimeoutException : Exception
{
    public WaitTimeoutException(string serviceId, string awaitedState, TimeSpan timeout, EndpointService? lastSeen)
        : base($"Endpoint service {serviceId} did not become {awaitedState} within {timeout}; last status: {lastSeen?.Status ?? "unknown"}")
    {
        ServiceId = serviceId;
        LastSeen = lastSeen;
    }

    public string ServiceId { get; }

    /// <summary>The service as last read before the deadline, or null if no read succeeded.</summary>
    public EndpointService? LastSeen { get; }
}
