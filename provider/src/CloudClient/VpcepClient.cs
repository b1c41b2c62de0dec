using System.Diagnostics.CodeAnalysis;

namespace Otc.CloudClient;

/// <summary>The VPCEP v1 client over <see cref="OtcTransport"/>: paths, bodies, paging and the create reconciliation.</summary>
internal sealed partial class VpcepClient(
    OtcTransport transport,
    IRequestAuthenticator authenticator,
    Uri baseUri,
    string region,
    string projectId,
    TimeProvider clock,
    IDisposable http) : IVpcepClient
{
    private const string Services = "vpc-endpoint-services";
    private const string Endpoints = "vpc-endpoints";
    private const int ServicePageSize = 1000;
    private const int PermissionPageSize = 500;

    private const DynamicallyAccessedMemberTypes BoundMembers =
        DynamicallyAccessedMemberTypes.PublicConstructors
        | DynamicallyAccessedMemberTypes.NonPublicConstructors
        | DynamicallyAccessedMemberTypes.PublicProperties
        | DynamicallyAccessedMemberTypes.NonPublicProperties;

    private StatusPoller? _statuses;

    public string Region => region;

    public string ProjectId => projectId;

    /// <summary>Made on first use, like the pacer one per client: waits on this client share it.</summary>
    public StatusPoller Statuses => LazyInitializer.EnsureInitialized(ref _statuses, () => new StatusPoller(this, clock, transport.Log));

    public async Task<EndpointService> GetServiceAsync(string serviceId, CancellationToken ct)
        => await GetAsync<EndpointService>($"{Services}/{Id(serviceId)}", "GET vpc-endpoint-services/{id}", ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<EndpointService>> ListServicesAsync(ServiceListQuery? query, CancellationToken ct)
    {
        var filters = new List<(string, string?)>
        {
            ("endpoint_service_name", query?.Name),
            ("id", query?.Id),
            ("status", query?.Status),
            ("sort_key", query?.SortKey),
            ("sort_dir", query?.SortDir),
        };
        return await ListAllAsync<ServicePage, EndpointService>(Services, "GET vpc-endpoint-services", filters, ServicePageSize, page => (page.Items, page.TotalCount), service => service.Id, ct)
            .ConfigureAwait(false);
    }

    public async Task<EndpointService> UpdateServiceAsync(string serviceId, UpdateServiceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await SendAsync(HttpMethod.Put, $"{Services}/{Id(serviceId)}", "PUT vpc-endpoint-services/{id}", WireJson.SerializeToUtf8(request), idempotent: true, ct)
            .ConfigureAwait(false);
        return WireJson.Deserialize<EndpointService>(response.Body, "PUT vpc-endpoint-services/{id}");
    }

    public Task DeleteServiceAsync(string serviceId, CancellationToken ct)
        => SendAsync(HttpMethod.Delete, $"{Services}/{Id(serviceId)}", "DELETE vpc-endpoint-services/{id}", null, idempotent: true, ct);

    public async Task<ServiceBasicInfo> DescribeServiceAsync(string? serviceName, string? serviceId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(serviceName) == string.IsNullOrEmpty(serviceId))
        {
            throw new ArgumentException("Describe needs exactly one of the full service name and the service id.");
        }

        var query = QueryString([("endpoint_service_name", serviceName), ("id", serviceId)]);
        return await GetAsync<ServiceBasicInfo>($"{Services}/describe{query}", "GET vpc-endpoint-services/describe", ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PublicService>> ListPublicServicesAsync(string? nameFilter, CancellationToken ct)
        => await ListAllAsync<PublicServicePage, PublicService>(
                $"{Services}/public", "GET vpc-endpoint-services/public", [("endpoint_service_name", nameFilter)], ServicePageSize, page => (page.Items, page.TotalCount), service => service.Id, ct)
            .ConfigureAwait(false);

    public async Task<IReadOnlyList<ServicePermission>> ListPermissionsAsync(string serviceId, CancellationToken ct)
        => await ListAllAsync<PermissionPage, ServicePermission>($"{Services}/{Id(serviceId)}/permissions", "GET vpc-endpoint-services/{id}/permissions", [], PermissionPageSize, page => (page.Items, page.TotalCount), permission => permission.Id, ct)
            .ConfigureAwait(false);

    public async Task<IReadOnlyList<string>> UpdatePermissionsAsync(string serviceId, PermissionAction action, IReadOnlyCollection<string> permissions, CancellationToken ct)
    {
        var body = new PermissionActionBody { Permissions = permissions, Action = action == PermissionAction.Add ? "add" : "remove" };
        const string operation = "POST vpc-endpoint-services/{id}/permissions/action";
        // Adding or removing a whitelist entry twice leaves the same set, so the action may be repeated.
        var response = await SendAsync(HttpMethod.Post, $"{Services}/{Id(serviceId)}/permissions/action", operation, WireJson.SerializeToUtf8(body), idempotent: true, ct)
            .ConfigureAwait(false);
        return WireJson.Deserialize<PermissionActionResult>(response.Body, operation).Permissions;
    }

    public Task<IReadOnlyList<ServiceConnection>> ListConnectionsAsync(string serviceId, CancellationToken ct)
        => ListConnectionsAsync(serviceId, [], ct);

    public Task<IReadOnlyList<ServiceConnection>> ListConnectionsAsync(string serviceId, string endpointId, CancellationToken ct)
        => ListConnectionsAsync(serviceId, [("id", endpointId)], ct);

    public Task<IReadOnlyList<ServiceConnection>> ListConnectionsAsync(string serviceId, ConnectionListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ListConnectionsAsync(serviceId, [("id", query.Id), ("marker_id", query.MarkerId), ("status", query.Status)], ct);
    }

    public async Task<IReadOnlyList<ServiceConnection>> ActOnConnectionAsync(string serviceId, ConnectionAction action, string endpointId, CancellationToken ct)
    {
        var body = new ConnectionActionBody { Action = action == ConnectionAction.Receive ? "receive" : "reject", Endpoints = [endpointId] };
        const string operation = "POST vpc-endpoint-services/{id}/connections/action";
        // Accepting an accepted endpoint (or rejecting a rejected one) is a no-op, so the action may be repeated.
        var response = await SendAsync(HttpMethod.Post, $"{Services}/{Id(serviceId)}/connections/action", operation, WireJson.SerializeToUtf8(body), idempotent: true, ct)
            .ConfigureAwait(false);
        return WireJson.Deserialize<ConnectionPage>(response.Body, operation).Items;
    }

    public Task UpdateTagsAsync(TaggedResourceType type, string resourceId, TagAction action, IReadOnlyCollection<ResourceTag> tags, CancellationToken ct)
    {
        var family = type == TaggedResourceType.EndpointService ? "endpoint_service" : "endpoint";
        var body = new TagActionBody { Action = action == TagAction.Create ? "create" : "delete", Tags = tags };
        // Tag create overwrites and tag delete of a missing tag is a no-op, so the action may be repeated.
        return SendAsync(HttpMethod.Post, $"{family}/{Id(resourceId)}/tags/action", $"POST {family}/{{id}}/tags/action", WireJson.SerializeToUtf8(body), idempotent: true, ct);
    }

    public async Task<IReadOnlyList<QuotaEntry>> GetQuotasAsync(string? type, CancellationToken ct)
        => (await GetAsync<QuotaEnvelope>("quotas" + QueryString([("type", type)]), "GET quotas", ct).ConfigureAwait(false)).Quotas.Resources;

    public async Task<VpcEndpoint> GetEndpointAsync(string id, CancellationToken ct)
        => await GetAsync<VpcEndpoint>($"{Endpoints}/{Id(id)}", "GET vpc-endpoints/{id}", ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<VpcEndpoint>> ListEndpointsAsync(CancellationToken ct)
        => await ListEndpointsAsync([], ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<VpcEndpoint>> ListEndpointsAsync(EndpointListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ListEndpointsAsync([("endpoint_service_name", query.ServiceName), ("vpc_id", query.VpcId), ("id", query.Id)], ct).ConfigureAwait(false);
    }

    public Task DeleteEndpointAsync(string id, CancellationToken ct)
        => SendAsync(HttpMethod.Delete, $"{Endpoints}/{Id(id)}", "DELETE vpc-endpoints/{id}", null, idempotent: true, ct);

    public void Dispose()
    {
        _statuses?.Dispose();
        (authenticator as IDisposable)?.Dispose();
        http.Dispose();
    }

    private Task<IReadOnlyList<ServiceConnection>> ListConnectionsAsync(string serviceId, List<(string, string?)> filters, CancellationToken ct)
        => ListAllAsync<ConnectionPage, ServiceConnection>(
            $"{Services}/{Id(serviceId)}/connections", "GET vpc-endpoint-services/{id}/connections", filters, ServicePageSize, page => (page.Items, page.TotalCount), connection => connection.Id, ct);

    private Task<IReadOnlyList<VpcEndpoint>> ListEndpointsAsync(List<(string, string?)> filters, CancellationToken ct)
        => ListAllAsync<EndpointPage, VpcEndpoint>(Endpoints, "GET vpc-endpoints", filters, ServicePageSize, page => (page.Items, page.TotalCount), endpoint => endpoint.Id, ct);

    private async Task<T> GetAsync<[DynamicallyAccessedMembers(BoundMembers)] T>(string relative, string operation, CancellationToken ct)
        where T : class
    {
        var response = await SendAsync(HttpMethod.Get, relative, operation, null, idempotent: true, ct).ConfigureAwait(false);
        return WireJson.Deserialize<T>(response.Body, operation);
    }

    /// <summary>
    /// Walks <c>limit</c>/<c>offset</c> pages. The list pages allow an offset only "greater than 0 but less than the
    /// number" of records, so it never asks for one at or past the last <c>total_count</c> (without a total, it goes on
    /// while pages come back full). A page that brings no id not seen before (a server that ignores offset, say) ends
    /// the walk with an error instead of reading the same page for ever, so memory stays bounded by what is new.
    /// </summary>
    private async Task<IReadOnlyList<TItem>> ListAllAsync<[DynamicallyAccessedMembers(BoundMembers)] TPage, TItem>(
        string relative, string operation, List<(string, string?)> filters, int pageSize, Func<TPage, (List<TItem> Items, int? Total)> unpack, Func<TItem, string> idOf, CancellationToken ct)
        where TPage : class
    {
        var all = new List<TItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var offset = 0;
        while (true)
        {
            var parameters = new List<(string, string?)>(filters) { ("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            if (offset > 0)
            {
                parameters.Add(("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            var (items, total) = unpack(await GetAsync<TPage>(relative + QueryString(parameters), operation, ct).ConfigureAwait(false));
            var added = 0;
            foreach (var item in items)
            {
                if (seen.Add(idOf(item)))
                {
                    all.Add(item);
                    added++;
                }
            }

            if (offset > 0 && items.Count > 0 && added == 0)
            {
                throw new OtcTransportException(
                    operation,
                    $"{operation}: the page at offset {offset} repeated only items already read ({all.Count} so far of {total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "an unreported number"}); "
                    + "the server does not seem to page by offset, so the listing was stopped.");
            }

            offset += items.Count;
            var more = items.Count > 0 && (total is { } count ? offset < count : items.Count >= pageSize);
            if (!more)
            {
                return all;
            }
        }
    }

    private Task<OtcResponse> SendAsync(HttpMethod method, string relative, string operation, byte[]? body, bool idempotent, CancellationToken ct)
    {
        var request = new OtcRequest(method, new Uri(baseUri, relative), operation, body, idempotent)
        {
            Headers = new Dictionary<string, string> { ["X-Project-Id"] = projectId },
        };
        return transport.SendAsync(request, authenticator, ct);
    }

    private static string Id(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }

    private static string QueryString(IEnumerable<(string Name, string? Value)> parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{AkSkSigner.Encode(p.Name)}={AkSkSigner.Encode(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}
