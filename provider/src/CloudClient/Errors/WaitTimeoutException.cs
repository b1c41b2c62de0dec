namespace Otc.CloudClient;

/// <summary>The wait deadline passed before the service or endpoint reached the awaited state.</summary>
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

    /// <summary>The same for a VPC endpoint.</summary>
    public static WaitTimeoutException ForEndpoint(string endpointId, string awaitedState, TimeSpan timeout, VpcEndpoint? lastSeen)
        => new(Describe("VPC endpoint", endpointId, awaitedState, timeout, lastSeen?.Status), endpointId, lastSeen);

    private static string Describe(string noun, string id, string awaitedState, TimeSpan timeout, string? lastStatus)
        => $"{noun} {id} did not become {awaitedState} within {timeout}; last status: {lastStatus ?? "unknown"}";
}
