namespace Otc.CloudClient;

/// <summary>
/// What the <see cref="StatusPoller"/> needs to know about one kind of resource: how to read one by id, how to list
/// all of them (every page), and where a resource keeps its id and status. The kinds are in <see cref="PolledKinds"/>.
/// </summary>
/// <param name="Noun">How messages name the kind, e.g. <c>endpoint service</c>.</param>
/// <param name="GetInScope">Reads one resource: (client, scope, id).</param>
/// <param name="ListInScope">Lists every resource of the scope, optionally only those in one status: (client, scope, status).</param>
/// <param name="DeletingStatus">
/// The status the list API can filter on while resources are being deleted, or null when the list has no status filter.
/// When every pending wait of the kind waits for a deletion, the poller lists only resources in this status.
/// </param>
/// <param name="Scope">What the resources belong to when they are listed per owner (a service's connections); empty otherwise.
/// Kinds are compared by value, so each scope gets a poller of its own.</param>
internal sealed record PolledKind<T>(
    string Noun,
    Func<IVpcepClient, string, string, CancellationToken, Task<T>> GetInScope,
    Func<IVpcepClient, string, string?, CancellationToken, Task<IReadOnlyList<T>>> ListInScope,
    Func<T, string> IdOf,
    Func<T, string?> StatusOf,
    string? DeletingStatus,
    string Scope = "")
    where T : class
{
    public Task<T> GetAsync(IVpcepClient client, string id, CancellationToken ct) => GetInScope(client, Scope, id, ct);

    public Task<IReadOnlyList<T>> ListAsync(IVpcepClient client, string? status, CancellationToken ct) => ListInScope(client, Scope, status, ct);
}

/// <summary>The resource kinds the provider waits on.</summary>
internal static class PolledKinds
{
    public static readonly PolledKind<EndpointService> Service = new(
        "endpoint service",
        static (client, _, id, ct) => client.GetServiceAsync(id, ct),
        static (client, _, status, ct) => client.ListServicesAsync(new ServiceListQuery { Status = status }, ct),
        static service => service.Id,
        static service => service.Status,
        DeletingStatus: ServiceStatus.Deleting);

    /// <summary>The endpoint list API has no status filter.</summary>
    public static readonly PolledKind<VpcEndpoint> Endpoint = new(
        "VPC endpoint",
        static (client, _, id, ct) => client.GetEndpointAsync(id, ct),
        static (client, _, _, ct) => client.ListEndpointsAsync(ct),
        static endpoint => endpoint.Id,
        static endpoint => endpoint.Status,
        DeletingStatus: null);

    /// <summary>
    /// The connections of one service (the owner's view of its endpoints), read by the endpoint's id through the list's
    /// <c>id</c> filter. No connection of that endpoint reads as a 404, like any resource that is gone.
    /// </summary>
    private static readonly PolledKind<ServiceConnection> Connection = new(
        "connection",
        static async (client, serviceId, endpointId, ct) =>
            (await client.ListConnectionsAsync(serviceId, endpointId, ct).ConfigureAwait(false)).FirstOrDefault(connection => connection.Id == endpointId)
            ?? throw new OtcApiException(
                "GET vpc-endpoint-services/{id}/connections", 404, null, $"service {serviceId} lists no connection of VPC endpoint {endpointId}", null),
        static (client, serviceId, _, ct) => client.ListConnectionsAsync(serviceId, ct),
        static connection => connection.Id,
        static connection => connection.Status,
        DeletingStatus: null);

    public static PolledKind<ServiceConnection> ConnectionsOf(string serviceId) => Connection with { Scope = serviceId };
}
