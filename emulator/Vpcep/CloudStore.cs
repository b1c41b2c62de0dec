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

    private static void Accept(EndpointRecord endpoint)
    {
        endpoint.Status = Statuses.Accepted;
        endpoint.Ip ??= endpoint.PortIp ?? $"192.168.{endpoint.MarkerId / 250 % 250}.{(endpoint.MarkerId % 250) + 2}";
    }

    /// <summary>How many services and endpoints exist in every project (those still being deleted included).</summary>
    public (int Services, int Endpoints) Counts() => Read(_ => (_state.Services.Count, _state.Endpoints.Count));

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
