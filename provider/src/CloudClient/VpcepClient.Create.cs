using System.Globalization;

namespace Otc.CloudClient;

/// <summary>
/// Creation is not idempotent: after an ambiguous failure (timeout, dropped connection, 5xx) the POST may or may not
/// have taken effect. Look for what it would have created and adopt it; post again only when nothing is there.
/// </summary>
internal sealed partial class VpcepClient
{
    private const string PortConflict = "EndPoint.3044";

    /// <summary>Tolerates second-granular <c>created_at</c> and modest clock skew between us and the cloud.</summary>
    private static readonly TimeSpan CreatedAtTolerance = TimeSpan.FromSeconds(60);

    public Task<EndpointService> CreateServiceAsync(CreateServiceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CreateAdoptingAsync(
            "POST vpc-endpoint-services",
            Services,
            WireJson.SerializeToUtf8(request),
            body => WireJson.Deserialize<EndpointService>(body, "POST vpc-endpoint-services"),
            (since, token) => FindCreatedServiceAsync(request, since, token),
            service => service.Id,
            ct);
    }

    public Task<VpcEndpoint> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CreateAdoptingAsync(
            "POST vpc-endpoints",
            Endpoints,
            WireJson.SerializeToUtf8(request),
            body => WireJson.Deserialize<VpcEndpoint>(body, "POST vpc-endpoints"),
            (since, token) => FindCreatedEndpointAsync(request, since, token),
            endpoint => endpoint.Id,
            ct);
    }

    private async Task<T> CreateAdoptingAsync<T>(
        string operation,
        string relative,
        byte[] body,
        Func<string, T> read,
        Func<DateTimeOffset, CancellationToken, Task<T?>> findCreated,
        Func<T, string> idOf,
        CancellationToken ct)
        where T : class
    {
        var startedAt = clock.GetUtcNow();
        var hadAmbiguousFailure = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await SendAsync(HttpMethod.Post, relative, operation, body, idempotent: false, ct).ConfigureAwait(false);
                return read(response.Body);
            }
            catch (Exception ex) when (IsAmbiguous(ex) || (hadAmbiguousFailure && IsConflictFromEarlierAttempt(ex)))
            {
                hadAmbiguousFailure = true;
                var existing = await findCreated(startedAt, ct).ConfigureAwait(false);
                if (existing is not null)
                {
                    LogLine($"{operation}: adopting {idOf(existing)} created by an attempt whose answer was lost");
                    return existing;
                }

                if (attempt > transport.Retry.MaxRetries)
                {
                    throw;
                }

                var wait = transport.Retry.BackoffFor(attempt);
                LogLine($"{operation}: nothing was created by attempt {attempt}; posting again in {(long)wait.TotalMilliseconds} ms");
                await Task.Delay(wait, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The request may have been executed: we cannot tell from the failure.</summary>
    private static bool IsAmbiguous(Exception ex) => ex switch
    {
        OtcTransportException => true,
        OtcApiException api => api.HttpStatus >= 500,
        _ => false,
    };

    /// <summary>A port conflict right after an ambiguous attempt usually means that attempt succeeded but was not visible yet.</summary>
    private static bool IsConflictFromEarlierAttempt(Exception ex)
        => ex is OtcApiException { ErrorCode: { } code } && string.Equals(code, PortConflict, StringComparison.OrdinalIgnoreCase);

    private async Task<EndpointService?> FindCreatedServiceAsync(CreateServiceRequest request, DateTimeOffset since, CancellationToken ct)
    {
        var query = new ServiceListQuery { Name = request.ServiceName };
        var candidates = await ListServicesAsync(query, ct).ConfigureAwait(false);
        return candidates
            .Where(s => s.PortId == request.PortId && s.VpcId == request.VpcId)
            .Where(s => request.ServiceName is null || HasShortName(s, request.ServiceName))
            .Where(s => SamePorts(s.Ports, request.Ports))
            .Where(s => CreatedSince(s.CreatedAt, since))
            .OrderByDescending(s => s.CreatedAt, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private async Task<VpcEndpoint?> FindCreatedEndpointAsync(CreateEndpointRequest request, DateTimeOffset since, CancellationToken ct)
    {
        var candidates = await ListEndpointsAsync([("vpc_id", request.VpcId)], ct).ConfigureAwait(false);
        return candidates
            .Where(e => e.EndpointServiceId == request.EndpointServiceId && e.VpcId == request.VpcId)
            .Where(e => request.SubnetId is null || e.SubnetId == request.SubnetId)
            .Where(e => CreatedSince(e.CreatedAt, since))
            .OrderByDescending(e => e.CreatedAt, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The cloud answers <c>{region}.{name}.{id}</c>, or (as the API reference's examples show) the bare name.</summary>
    private static bool HasShortName(EndpointService service, string shortName)
        => service.ServiceName is { } answered
            && (answered == shortName || answered.EndsWith($".{shortName}.{service.Id}", StringComparison.Ordinal));

    private static bool SamePorts(List<PortMapping> actual, List<PortMapping> requested)
    {
        static HashSet<(int, int, string)> Keys(IEnumerable<PortMapping> ports)
            => ports.Select(p => (p.ClientPort, p.ServerPort, (p.Protocol ?? "TCP").ToUpperInvariant())).ToHashSet();
        return Keys(actual).SetEquals(Keys(requested));
    }

    private static bool CreatedSince(string? createdAt, DateTimeOffset since)
        => createdAt is null
            || !DateTimeOffset.TryParse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created)
            || created >= since - CreatedAtTolerance;

    private void LogLine(string line) => transport.Log(line);
}
