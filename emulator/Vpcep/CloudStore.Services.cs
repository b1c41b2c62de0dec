using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>Endpoint service create, read, list, modify, delete and describe.</summary>
internal sealed partial class CloudStore
{
    public ServiceView CreateService(Caller caller, string projectId, CreateServiceBody body)
    {
        var portId = ServiceRules.Required(body.PortId, "port_id");
        var vpcId = ServiceRules.RequiredVpcId(body.VpcId);
        var serverType = ServiceRules.ServerType(body.ServerType);
        var name = ServiceRules.Name(body.ServiceName);
        var serviceType = ServiceRules.ServiceType(body.ServiceType);
        var ports = ServiceRules.Ports(body.Ports);
        var tcpProxy = ServiceRules.TcpProxy(body.TcpProxy);
        var tags = TagRules.Validate(body.Tags);
        var description = ServiceRules.Description(body.Description);
        Surface.CheckCreateService(body);

        return Write(now =>
        {
            var projectServices = _state.Services.Where(service => service.ProjectId == projectId).ToList();
            if (_state.Services.Count(service => InQuotaScope(service.ProjectId, service.DomainId, projectId, caller.DomainId)) >= _options.ServiceQuota)
            {
                throw ApiError.BadRequest("Endpoint.1018", "Quota exceeded.");
            }

            ServiceRules.NoConflict(portId, ports, projectServices.Where(service => service.Status != Statuses.Deleting));
            var service = new ServiceRecord
            {
                Id = Guid.NewGuid().ToString(),
                ProjectId = projectId,
                DomainId = caller.DomainId,
                PortId = portId,
                PoolId = Surface.IsSwiss ? null : string.IsNullOrEmpty(body.PoolId) ? Guid.NewGuid().ToString() : body.PoolId,
                VipPortId = body.VipPortId,
                Name = name,
                VpcId = vpcId,
                ServerType = serverType,
                ServiceType = serviceType,
                ApprovalEnabled = body.ApprovalEnabled ?? ServiceRules.DefaultApprovalEnabled,
                TcpProxy = tcpProxy,
                Description = Surface.IsSwiss ? null : description,
                Ports = ports,
                Tags = tags,
                Status = Statuses.Creating,
                TransitionAt = now + _settings.CreateDelay,
                FailsOnCreate = _settings.FailCreates,
                CreatedAt = now,
                UpdatedAt = now,
                Sequence = NextSequence(),
            };
            _state.Services.Add(service);
            return ServiceView.Of(service, ReportedName(service), Surface.IsSwiss);
        });
    }

    public ServiceView GetService(string projectId, string serviceId) =>
        Read(_ =>
        {
            var service = FindService(projectId, serviceId);
            return ServiceView.Of(service, ReportedName(service), Surface.IsSwiss);
        });

    public object ListServices(string projectId, IQueryCollection query)
    {
        var paging = ListQuery.Parse(query, 1000, _settings, "created_at", "updated_at");
        var nameFilter = query["endpoint_service_name"].ToString();
        var idFilter = query["id"].ToString();
        var statusFilter = query["status"].ToString();
        if (statusFilter.Length > 0 && !Statuses.ServiceFilter.Contains(statusFilter))
        {
            throw ApiError.BadRequest("EndPoint.0019", "Invalid status.");
        }

        return Read(_ =>
        {
            var matches = _state.Services
                .Where(service => service.ProjectId == projectId)
                .Where(service => FuzzyContains(service.FullName(Region), nameFilter))
                .Where(service => idFilter.Length == 0 || service.Id == idFilter)
                .Where(service => statusFilter.Length == 0 || service.Status == statusFilter)
                .ToList();
            var page = paging.Page(matches, service => service.CreatedAt, service => service.UpdatedAt, service => service.Sequence);
            return new
            {
                endpoint_services = page.Select(service => ServiceView.Of(service, ReportedName(service), Surface.IsSwiss, ConnectionCount(service.Id))).ToList(),
                total_count = matches.Count,
            };
        });
    }

    public ServiceView UpdateService(string projectId, string serviceId, UpdateServiceBody body)
    {
        var name = ServiceRules.Name(body.ServiceName);
        var ports = body.Ports is null ? null : ServiceRules.Ports(body.Ports);
        var tcpProxy = body.TcpProxy is null ? null : ServiceRules.TcpProxy(body.TcpProxy);
        var description = ServiceRules.Description(body.Description);
        Surface.CheckModifyService(body);
        if (body.PortId is { } newPortId)
        {
            ServiceRules.Required(newPortId, "port_id");
        }

        return Write(now =>
        {
            var service = FindService(projectId, serviceId);
            if (service.Status != Statuses.Available)
            {
                throw ApiError.BadRequest("EndPoint.3045", $"Other properties cannot be modified in the current endpoint service state ({service.Status}).");
            }

            var portId = body.PortId ?? service.PortId;
            var effectivePorts = ports ?? service.Ports;
            if (ports is not null || body.PortId is not null)
            {
                ServiceRules.NoConflict(
                    portId,
                    effectivePorts,
                    _state.Services.Where(other => other.ProjectId == projectId && other.Id != serviceId && other.Status != Statuses.Deleting));
            }

            service.PortId = portId;
            service.Ports = [.. effectivePorts];
            service.Name = name ?? service.Name;

            // The modify page gives request defaults for these two ("The default value is true" / "close"): the lenient
            // reading keeps the current value when a field is left out, the strict one applies the default.
            var strict = _settings.Strict;
            service.ApprovalEnabled = body.ApprovalEnabled ?? (strict ? ServiceRules.DefaultApprovalEnabled : service.ApprovalEnabled);
            service.TcpProxy = tcpProxy ?? (strict ? ServiceRules.DefaultTcpProxy : service.TcpProxy);
            service.Description = description ?? service.Description;
            service.UpdatedAt = now;
            return ServiceView.Of(service, ReportedName(service), Surface.IsSwiss);
        });
    }

    public void DeleteService(string projectId, string serviceId) =>
        Write(now =>
        {
            var service = FindService(projectId, serviceId);
            if (service.Status == Statuses.Deleting)
            {
                RepeatedDelete();
                return service;
            }

            var blocking = _state.Endpoints
                .Where(endpoint => endpoint.ServiceId == serviceId && Statuses.HoldsService(endpoint.Status))
                .Select(endpoint => endpoint.Id)
                .ToList();
            if (blocking.Count > 0)
            {
                throw ApiError.BadRequest(
                    "EndPoint.3006",
                    $"The endpoint service is being used by VPC endpoints in accepted or creating state: {string.Join(", ", blocking)}.");
            }

            service.Status = Statuses.Deleting;
            service.TransitionAt = now + _settings.DeleteDelay;
            service.UpdatedAt = now;
            return service;
        });

    /// <summary>
    /// Basic information, usable across tenants: looks at every project's services and the public ones. is_charge is
    /// a string, as the documented example shows it (the parameter table says Boolean).
    /// </summary>
    public object DescribeService(string? serviceName, string? serviceId)
    {
        if (string.IsNullOrEmpty(serviceName) == string.IsNullOrEmpty(serviceId))
        {
            throw ApiError.ParameterError("Parameter error: give exactly one of endpoint_service_name and id.");
        }

        return Read(_ =>
        {
            var own = _state.Services.Find(service => service.Status != Statuses.Deleting
                && (service.Id == serviceId || string.Equals(service.FullName(Region), serviceName, StringComparison.OrdinalIgnoreCase)));
            if (own is not null)
            {
                return new { id = own.Id, service_name = ReportedName(own), service_type = own.ServiceType, created_at = JsonWire.Timestamp(own.CreatedAt), is_charge = ChargeText(false) };
            }

            var shared = PublicServices.For(Region).FirstOrDefault(service =>
                service.Id == serviceId || string.Equals(service.ServiceName, serviceName, StringComparison.OrdinalIgnoreCase))
                ?? throw ApiError.ServiceNotFound();
            return (object)new { id = shared.Id, service_name = shared.ServiceName, service_type = shared.ServiceType, created_at = JsonWire.Timestamp(shared.CreatedAt), is_charge = ChargeText(shared.IsCharge) };
        });
    }

    public object ListPublicServices(IQueryCollection query)
    {
        var paging = ListQuery.Parse(query, 1000, _settings, "created_at", "updated_at");
        var nameFilter = query["endpoint_service_name"].ToString();
        var idFilter = query["id"].ToString();
        var matches = PublicServices.For(Region)
            .Where(service => FuzzyContains(service.ServiceName, nameFilter))
            .Where(service => idFilter.Length == 0 || service.Id == idFilter)
            .ToList();
        var page = paging.Page(matches, service => service.CreatedAt, service => service.CreatedAt, service => service.Sequence);
        return new
        {
            endpoint_services = page.Select(service => new
            {
                id = service.Id,
                owner = service.Owner,
                service_name = service.ServiceName,
                service_type = service.ServiceType,
                created_at = JsonWire.Timestamp(service.CreatedAt),
                is_charge = ChargeText(service.IsCharge),
            }).ToList(),
            total_count = matches.Count,
        };
    }

    /// <summary>The documented examples answer is_charge as the string "true", not as a JSON boolean.</summary>
    private static string ChargeText(bool isCharge) => isCharge ? "true" : "false";
}
