namespace Otc.CloudClient;

/// <summary>The wait deadline passed before the service, endpoint or connection reached the awaited state.</summary>
public sealed class WaitTimeoutException : Exception
{
    public WaitTimeoutException(string serviceId, string awaitedState, TimeSpan timeout, EndpointService? lastSeen)
        : base(Describe("Endpoint service", serviceId, awaitedState, timeout, lastSeen?.Status))
    {
        ResourceId = serviceId;
        LastSeen = lastSeen;
    }

    private WaitTimeoutException(string message, string endpointId, VpcEndpoint? lastSeen)
        : base(message)
    {
        ResourceId = endpointId;
        LastSeenEndpoint = lastSeen;
    }

    /// <summary>The service or endpoint waited on.</summary>
    public string ResourceId { get; }

    /// <summary>The service as last read before the deadline, or null if no read succeeded (or an endpoint was awaited).</summary>
    public EndpointService? LastSeen { get; }

    /// <summary>The endpoint as last read before the deadline, when an endpoint was awaited.</summary>
    public VpcEndpoint? LastSeenEndpoint { get; }

    /// <summary>The same for the connection of endpoint <paramref name="endpointId"/> to service <paramref name="serviceId"/>.</summary>
    /// <param name="awaited">What it did not do in time, e.g. "become accepted".</param>
    public static WaitTimeoutException ForConnection(string serviceId, string endpointId, string awaited, TimeSpan timeout, ServiceConnection? lastSeen)
        => new($"the connection of VPC endpoint {endpointId} to service {serviceId} did not {awaited} within {timeout}; last status: {lastSeen?.Status ?? "unknown"}", endpointId, null);

    /// <summary>The same for a VPC endpoint.</summary>
    public static WaitTimeoutException ForEndpoint(string endpointId, string awaitedState, TimeSpan timeout, VpcEndpoint? lastSeen)
        => new(Describe("VPC endpoint", endpointId, awaitedState, timeout, lastSeen?.Status), endpointId, lastSeen);

    private static string Describe(string noun, string id, string awaitedState, TimeSpan timeout, string? lastStatus)
        => $"{noun} {id} did not become {awaitedState} within {timeout}; last status: {lastStatus ?? "unknown"}";
}
