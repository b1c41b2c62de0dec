using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>The consumer side: VPC endpoints that connect to a service, possibly of another tenant.</summary>
internal sealed partial class CloudStore
{
    /// <summary>The documented limit of a gateway endpoint's policy.</summary>
    private const int MaxPolicyStatements = 10;

    public EndpointView CreateEndpoint(Caller caller, string projectId, CreateEndpointBody body)
    {
        // The error appendix has a code for each missing field: 2029 (service id), 2011 (VPC id), 2010 (subnet id).
        var serviceId = string.IsNullOrWhiteSpace(body.EndpointServiceId)
            ? throw ApiError.BadRequest("EndPoint.2029", "The requested endpoint service ID is empty.")
            : body.EndpointServiceId;
        var vpcId = ServiceRules.RequiredVpcId(body.VpcId);
        var tags = TagRules.Validate(body.Tags);
        var description = ServiceRules.Description(body.Description);
        Surface.CheckCreateEndpoint(body);
        PolicyRules(body.PolicyStatement);

        return Write(now =>
        {
            var service = _state.Services.Find(candidate => candidate.Id == serviceId && candidate.Status != Statuses.Deleting);
            var shared = PublicServices.For(Region).FirstOrDefault(candidate => candidate.Id == serviceId);
            if (service is null && shared is null)
            {
                throw ApiError.BadRequest("EndPoint.2003", "The endpoint service does not exist.");
            }

            if (service is not null && service.Status != Statuses.Available)
            {
                throw ApiError.BadRequest("EndPoint.2004", $"The endpoint service is not available for connections ({service.Status}).");
            }

            var serviceType = service?.ServiceType ?? shared!.ServiceType;
            var gateway = serviceType == EndpointRules.Gateway;
            if (!gateway && string.IsNullOrWhiteSpace(body.SubnetId))
            {
                throw ApiError.BadRequest("EndPoint.2010", "The input parameter subnet ID is empty.");
            }

            var portIp = EndpointRules.PortIp(body.PortIp, gateway);
            var whitelist = EndpointRules.Whitelist(body.Whitelist, body.EnableWhitelist, gateway);
            var routeTables = EndpointRules.RouteTables(body.Routetables, vpcId, gateway);
            if (body.PolicyStatement is { } statements && (!gateway || statements.Count > MaxPolicyStatements))
            {
                throw ApiError.BadRequest("EndPoint.2048", gateway
                    ? $"The VPC endpoint policy is invalid: policy_statement takes at most {MaxPolicyStatements} statements."
                    : "The VPC endpoint policy is invalid: policy_statement is only for gateway endpoints.");
            }

            if (_state.Endpoints.Count(endpoint => InQuotaScope(endpoint.ProjectId, endpoint.DomainId, projectId, caller.DomainId)) >= _options.EndpointQuota)
            {
                throw ApiError.BadRequest("Endpoint.1018", "Quota exceeded.");
            }

            if (service is not null && !IsWhitelisted(service, caller.DomainId))
            {
                throw ApiError.BadRequest("EndPoint.2012", "The endpoint service has no whitelist entry for your account.");
            }

            var endpoint = new EndpointRecord
            {
                Id = Guid.NewGuid().ToString(),
                ProjectId = projectId,
                DomainId = caller.DomainId,
                ServiceId = serviceId,
                ServiceName = service?.FullName(Region) ?? shared!.ServiceName,
                ServiceType = serviceType,
                VpcId = vpcId,
                SubnetId = body.SubnetId,
                EnableDns = body.EnableDns ?? false,
                PortIp = portIp,
                Whitelist = whitelist,
                EnableWhitelist = body.EnableWhitelist ?? false,
                RouteTables = routeTables,
                SpecificationName = Surface.IsSwiss ? null : body.SpecificationName ?? "default",
                Description = Surface.IsSwiss ? null : description ?? string.Empty,
                PolicyStatement = gateway && !Surface.IsSwiss ? body.PolicyStatement ?? [.. PolicyStatement.AllowAllObs] : null,
                EndpointPoolId = Surface.IsSwiss ? null : Guid.NewGuid().ToString(),
                Tags = tags,
                MarkerId = NextMarkerId(),
                Status = Statuses.Creating,
                TransitionAt = now + _settings.CreateDelay,
                FailsOnCreate = _settings.FailCreates,
                CreatedAt = now,
                UpdatedAt = now,
                Sequence = NextSequence(),
            };
            _state.Endpoints.Add(endpoint);
            return View(endpoint);
        });
    }

    public EndpointView GetEndpoint(string projectId, string endpointId) =>
        Read(_ =>
        {
            var endpoint = FindEndpoint(projectId, endpointId);
            return View(endpoint);
        });

    public object ListEndpoints(string projectId, IQueryCollection query)
    {
        var paging = ListQuery.Parse(query, 1000, _settings, "created_at", "updated_at");
        var nameFilter = query["endpoint_service_name"].ToString();
        var vpcFilter = query["vpc_id"].ToString();
        var idFilter = query["id"].ToString();
        return Read(_ =>
        {
            var matches = _state.Endpoints
                .Where(endpoint => endpoint.ProjectId == projectId)
                .Where(endpoint => FuzzyContains(endpoint.ServiceName, nameFilter))
                .Where(endpoint => vpcFilter.Length == 0 || endpoint.VpcId == vpcFilter)
                .Where(endpoint => idFilter.Length == 0 || endpoint.Id == idFilter)
                .ToList();
            var page = paging.Page(matches, endpoint => endpoint.CreatedAt, endpoint => endpoint.UpdatedAt, endpoint => endpoint.Sequence);
            return new { endpoints = page.Select(View).ToList(), total_count = matches.Count };
        });
    }

    public void DeleteEndpoint(string projectId, string endpointId) =>
        Write(now =>
        {
            var endpoint = FindEndpoint(projectId, endpointId);
            if (endpoint.Status == Statuses.Deleting)
            {
                RepeatedDelete();
                return endpoint;
            }

            endpoint.Status = Statuses.Deleting;
            endpoint.TransitionAt = now + _settings.DeleteDelay;
            endpoint.UpdatedAt = now;
            return endpoint;
        });

    /// <summary>
    /// Each statement as Table 4 of the create page describes it: Effect "Allow" or "Deny", Action and Resource
    /// mandatory arrays of strings (none of them empty); an invalid policy is <c>EndPoint.2048</c>.
    /// </summary>
    private static void PolicyRules(List<PolicyStatement>? statements)
    {
        foreach (var statement in statements ?? [])
        {
            if (statement is null || (statement.Effect is not "Allow" and not "Deny"))
            {
                throw ApiError.BadRequest("EndPoint.2048", $"The VPC endpoint policy is invalid: Effect must be Allow or Deny, got '{statement?.Effect}'.");
            }

            if (statement.Action is not { Count: > 0 } || statement.Resource is not { Count: > 0 }
                || statement.Action.Concat(statement.Resource).Any(string.IsNullOrWhiteSpace))
            {
                throw ApiError.BadRequest("EndPoint.2048", "The VPC endpoint policy is invalid: each statement needs Action and Resource entries.");
            }
        }
    }

    /// <summary>An endpoint as the API answers it (the interface-only fields depend on the mode).</summary>
    private EndpointView View(EndpointRecord endpoint) => EndpointView.Of(endpoint, Region, ReportedServiceName(endpoint), _settings.Strict);

    public object Quotas(Caller caller, string projectId, string? type)
    {
        if (type is { Length: > 0 } && !TagRules.ResourceTypes.Contains(type, StringComparer.Ordinal))
        {
            throw ApiError.ParameterError("Parameter error: type must be endpoint_service or endpoint.");
        }

        return Read(_ =>
        {
            var resources = new List<object>();
            if (type is null or "" or "endpoint_service")
            {
                resources.Add(new { type = "endpoint_service", used = _state.Services.Count(service => InQuotaScope(service.ProjectId, service.DomainId, projectId, caller.DomainId)), quota = _options.ServiceQuota });
            }

            if (type is null or "" or "endpoint")
            {
                resources.Add(new { type = "endpoint", used = _state.Endpoints.Count(endpoint => InQuotaScope(endpoint.ProjectId, endpoint.DomainId, projectId, caller.DomainId)), quota = _options.EndpointQuota });
            }

            return new { quotas = new { resources } };
        });
    }
}
