using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>
/// All VPCEP resources behind one lock. Asynchronous transitions (creating, deleting) are not timers:
/// each record stores when its transition is due, and every operation first settles what is due by the clock.
/// </summary>
internal sealed partial class CloudStore
{
    private readonly Lock _gate = new();
    private readonly CloudState _state;
    private readonly EmulatorOptions _options;
    private readonly EmulatorSettings _settings;
    private readonly StateFile? _file;

    public CloudStore(EmulatorOptions options, EmulatorSettings settings)
    {
        _options = options;
        _settings = settings;
        _file = options.StatePath is null ? null : new StateFile(options.StatePath);
        _state = _file?.Load() ?? new CloudState();
    }

    public string Region => _options.Region;

    /// <summary>What the region's API reference documents (eu-de and eu-nl alike, or eu-ch2).</summary>
    private RegionSurface Surface => RegionSurface.For(Region);

    private T Read<T>(Func<DateTimeOffset, T> query)
    {
        lock (_gate)
        {
            var now = _options.Clock.GetUtcNow();
            Settle(now);
            return query(now);
        }
    }

    private T Write<T>(Func<DateTimeOffset, T> change)
    {
        lock (_gate)
        {
            var now = _options.Clock.GetUtcNow();
            Settle(now);
            var result = change(now);
            _file?.Save(_state);
            return result;
        }
    }

    private void Settle(DateTimeOffset now)
    {
        foreach (var service in _state.Services.Where(service => service.Status == Statuses.Creating && service.TransitionAt <= now))
        {
            service.UpdatedAt = service.TransitionAt!.Value;
            service.TransitionAt = null;
            if (service.FailsOnCreate)
            {
                service.Status = Statuses.Failed;
                service.Errors = [new ErrorDetail("EndPoint.3008", $"The backend port {service.PortId} could not be bound to the endpoint service.")];
            }
            else
            {
                service.Status = Statuses.Available;
            }
        }

        var goneServices = _state.Services.Where(service => service.Status == Statuses.Deleting && service.TransitionAt <= now).Select(service => service.Id).ToHashSet();
        _state.Services.RemoveAll(service => goneServices.Contains(service.Id));

        foreach (var endpoint in _state.Endpoints.Where(endpoint => endpoint.Status == Statuses.Creating && endpoint.TransitionAt <= now))
        {
            var service = _state.Services.Find(candidate => candidate.Id == endpoint.ServiceId);
            endpoint.UpdatedAt = endpoint.TransitionAt!.Value;
            endpoint.TransitionAt = null;
            if (endpoint.FailsOnCreate)
            {
                endpoint.Status = Statuses.Failed;
                endpoint.Errors = [new ErrorDetail("EndPoint.2023", $"The VPC endpoint could not be connected to service {endpoint.ServiceId}.")];
            }
            else if (service is { ApprovalEnabled: true })
            {
                endpoint.Status = Statuses.PendingAcceptance;
            }
            else
            {
                Accept(endpoint);
            }
        }

        // Endpoints of a removed service go with it; deleted endpoints disappear when their delay is over.
        _state.Endpoints.RemoveAll(endpoint =>
            goneServices.Contains(endpoint.ServiceId)
            || (endpoint.Status == Statuses.Deleting && endpoint.TransitionAt <= now));
    }

    /// <summary>Connects an endpoint; only interface endpoints get an IP ("returned only" for them, says the query page).</summary>
    private static void Accept(EndpointRecord endpoint)
    {
        endpoint.Status = Statuses.Accepted;
        if (endpoint.ServiceType != EndpointRules.Gateway)
        {
            endpoint.Ip ??= endpoint.PortIp ?? $"192.168.{endpoint.MarkerId / 250 % 250}.{(endpoint.MarkerId % 250) + 2}";
        }
    }

    /// <summary>
    /// The user guide gives the quotas per account and region; the lenient reading counts per project, the strict one
    /// counts every project of the caller's account (domain).
    /// </summary>
    private bool InQuotaScope(string recordProjectId, string recordDomainId, string projectId, string domainId) =>
        _settings.Strict ? recordDomainId == domainId : recordProjectId == projectId;

    /// <summary>
    /// A DELETE of a resource that is already being deleted (e.g. a retry after a lost answer): a no-op when lenient,
    /// refused with the error appendix's <c>EndPoint.2018</c> when strict.
    /// </summary>
    private void RepeatedDelete()
    {
        if (_settings.Strict)
        {
            throw ApiError.BadRequest("EndPoint.2018", "The endpoint is being deleted.");
        }
    }

    /// <summary>
    /// The next <c>marker_id</c>: the documented examples show 8 to 18 digits. Nine digits (like most examples) when
    /// lenient; 18 digits when strict, past the 2^53 a JSON number keeps exactly in many clients (the accept example's
    /// <c>422321321312321321</c>).
    /// </summary>
    private long NextMarkerId()
    {
        var sequence = ++_state.NextMarkerId;
        return (_settings.Strict ? StrictMarkerBase : MarkerBase) + sequence;
    }

    /// <summary>How many services and endpoints exist in every project (those still being deleted included).</summary>
    public (int Services, int Endpoints) Counts() => Read(_ => (_state.Services.Count, _state.Endpoints.Count));

    private const long MarkerBase = 201_000_000;
    private const long StrictMarkerBase = 422_321_321_312_321_320;

    private long NextSequence() => ++_state.NextSequence;

    /// <summary>A service's name as the API answers it, in the configured form (names are matched in the full form).</summary>
    private string ReportedName(ServiceRecord service) =>
        _settings.ServiceNameForm == ServiceNameForm.Short ? service.Name ?? string.Empty : service.FullName(Region);

    /// <summary>The name of the service an endpoint connects to, in the configured form.</summary>
    private string ReportedServiceName(EndpointRecord endpoint) =>
        _state.Services.Find(service => service.Id == endpoint.ServiceId) is { } service ? ReportedName(service) : endpoint.ServiceName;

    private ServiceRecord FindService(string projectId, string serviceId) =>
        _state.Services.Find(service => service.Id == serviceId && service.ProjectId == projectId)
        ?? throw ApiError.ServiceNotFound();

    private EndpointRecord FindEndpoint(string projectId, string endpointId) =>
        _state.Endpoints.Find(endpoint => endpoint.Id == endpointId && endpoint.ProjectId == projectId)
        ?? throw ApiError.EndpointNotFound();

    private int ConnectionCount(string serviceId) =>
        _state.Endpoints.Count(endpoint => endpoint.ServiceId == serviceId && Statuses.HoldsService(endpoint.Status));

    private static bool FuzzyContains(string value, string? filter) =>
        string.IsNullOrEmpty(filter) || value.Contains(filter, StringComparison.OrdinalIgnoreCase);
}
