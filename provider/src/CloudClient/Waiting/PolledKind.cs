namespace Otc.CloudClient;

/// <summary>
/// What the <see cref="StatusPoller"/> needs to know about one kind of resource: how to read one by id, how to list
/// all of them (every page), and where a resource keeps its id and status. The kinds are in <see cref="PolledKinds"/>.
/// </summary>
/// <param name="Noun">How messages name the kind, e.g. <c>endpoint service</c>.</param>
/// <param name="DeletingStatus">
/// The status the list API can filter on while resources are being deleted, or null when the list has no status filter.
/// When every pending wait of the kind waits for a deletion, the poller lists only resources in this status.
/// </param>
internal sealed record PolledKind<T>(
    string Noun,
    Func<IVpcepClient, string, CancellationToken, Task<T>> GetAsync,
    Func<IVpcepClient, string?, CancellationToken, Task<IReadOnlyList<T>>> ListAsync,
    Func<T, string> IdOf,
    Func<T, string?> StatusOf,
    string? DeletingStatus)
    where T : class;

/// <summary>The resource kinds the provider waits on.</summary>
internal static class PolledKinds
{
    public static readonly PolledKind<EndpointService> Service = new(
        "endpoint service",
        static (client, id, ct) => client.GetServiceAsync(id, ct),
        static (client, status, ct) => client.ListServicesAsync(new ServiceListQuery { Status = status }, ct),
        static service => service.Id,
        static service => service.Status,
        DeletingStatus: "deleting");

    /// <summary>The endpoint list API has no status filter.</summary>
    public static readonly PolledKind<VpcEndpoint> Endpoint = new(
        "VPC endpoint",
        static (client, id, ct) => client.GetEndpointAsync(id, ct),
        static (client, _, ct) => client.ListEndpointsAsync(ct),
        static endpoint => endpoint.Id,
        static endpoint => endpoint.Status,
        DeletingStatus: null);
}
