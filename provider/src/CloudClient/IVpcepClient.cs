namespace Otc.CloudClient;

/// <summary>The VPCEP v1 operations. List methods return every page. Errors: <see cref="OtcApiException"/>, <see cref="OtcTransportException"/>, <see cref="OperationCanceledException"/>.</summary>
public interface IVpcepClient : IDisposable
{
    /// <summary>The region the client works in (service names are <c>{region}.{name}.{id}</c>).</summary>
    string Region { get; }

    /// <summary>The project every call is made in.</summary>
    string ProjectId { get; }

    /// <summary>The status poller every wait on this client shares (<see cref="ServiceWaiter"/>, <see cref="EndpointWaiter"/>).</summary>
    StatusPoller Statuses { get; }

    /// <summary>Creates a service. After an ambiguous failure it looks for the service first and adopts it instead of posting twice.</summary>
    Task<EndpointService> CreateServiceAsync(CreateServiceRequest request, CancellationToken ct);

    Task<EndpointService> GetServiceAsync(string serviceId, CancellationToken ct);

    Task<IReadOnlyList<EndpointService>> ListServicesAsync(ServiceListQuery? query, CancellationToken ct);

    /// <summary>PUT with only the non-null fields of <paramref name="request"/>.</summary>
    Task<EndpointService> UpdateServiceAsync(string serviceId, UpdateServiceRequest request, CancellationToken ct);

    Task DeleteServiceAsync(string serviceId, CancellationToken ct);

    /// <summary>Exactly one of <paramref name="serviceName"/> (full name) and <paramref name="serviceId"/>.</summary>
    Task<ServiceBasicInfo> DescribeServiceAsync(string? serviceName, string? serviceId, CancellationToken ct);

    /// <summary>The public services whose name contains <paramref name="nameFilter"/> (case-insensitive, as the API matches it); all when null.</summary>
    Task<IReadOnlyList<PublicService>> ListPublicServicesAsync(string? nameFilter, CancellationToken ct);

    Task<IReadOnlyList<ServicePermission>> ListPermissionsAsync(string serviceId, CancellationToken ct);

    /// <summary>Values are sent as given, e.g. <c>iam:domain::&lt;id&gt;</c> or <c>*</c>. Returns the permissions the cloud echoes.</summary>
    Task<IReadOnlyList<string>> UpdatePermissionsAsync(string serviceId, PermissionAction action, IReadOnlyCollection<string> permissions, CancellationToken ct);

    Task<IReadOnlyList<ServiceConnection>> ListConnectionsAsync(string serviceId, CancellationToken ct);

    /// <summary>The connection of one endpoint (the API's <c>id</c> filter); empty when the endpoint does not connect to the service.</summary>
    Task<IReadOnlyList<ServiceConnection>> ListConnectionsAsync(string serviceId, string endpointId, CancellationToken ct);

    /// <summary>The connections that match every filter of <paramref name="query"/>.</summary>
    Task<IReadOnlyList<ServiceConnection>> ListConnectionsAsync(string serviceId, ConnectionListQuery query, CancellationToken ct);

    Task<IReadOnlyList<ServiceConnection>> ActOnConnectionAsync(string serviceId, ConnectionAction action, string endpointId, CancellationToken ct);

    Task UpdateTagsAsync(TaggedResourceType type, string resourceId, TagAction action, IReadOnlyCollection<ResourceTag> tags, CancellationToken ct);

    /// <summary><paramref name="type"/> is <c>endpoint_service</c>, <c>endpoint</c> or null for both.</summary>
    Task<IReadOnlyList<QuotaEntry>> GetQuotasAsync(string? type, CancellationToken ct);

    /// <summary>Creates an endpoint, with the same look-before-reposting rule as <see cref="CreateServiceAsync"/>.</summary>
    Task<VpcEndpoint> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken ct);

    Task<VpcEndpoint> GetEndpointAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<VpcEndpoint>> ListEndpointsAsync(CancellationToken ct);

    /// <summary>The endpoints that match every filter of <paramref name="query"/>.</summary>
    Task<IReadOnlyList<VpcEndpoint>> ListEndpointsAsync(EndpointListQuery query, CancellationToken ct);

    Task DeleteEndpointAsync(string id, CancellationToken ct);
}
