using System.Text.RegularExpressions;
using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>The provider side of a service: its connections (endpoints) and its whitelist.</summary>
internal sealed partial class CloudStore
{
    public const int MaxPermissionPage = 500;

    public object ListConnections(string projectId, string serviceId, IQueryCollection query)
    {
        var paging = ListQuery.Parse(query, 1000, _settings, "created_at", "updated_at");
        var idFilter = query["id"].ToString();
        var markerFilter = query["marker_id"].ToString();
        var statusFilter = query["status"].ToString();
        if (statusFilter.Length > 0 && !(_settings.Strict ? Statuses.DocumentedConnectionFilter : Statuses.ConnectionFilter).Contains(statusFilter))
        {
            throw ApiError.BadRequest("EndPoint.0019", "Invalid status.");
        }

        return Read(_ =>
        {
            FindService(projectId, serviceId);
            var matches = _state.Endpoints
                .Where(endpoint => endpoint.ServiceId == serviceId)
                .Where(endpoint => idFilter.Length == 0 || endpoint.Id == idFilter)
                .Where(endpoint => markerFilter.Length == 0 || endpoint.MarkerId.ToString(System.Globalization.CultureInfo.InvariantCulture) == markerFilter)
                .Where(endpoint => statusFilter.Length == 0 || endpoint.Status == statusFilter)
                .ToList();
            var page = paging.Page(matches, endpoint => endpoint.CreatedAt, endpoint => endpoint.UpdatedAt, endpoint => endpoint.Sequence);
            return new { connections = page.Select(ConnectionView.Of).ToList(), total_count = matches.Count };
        });
    }

    public object ActOnConnection(string projectId, string serviceId, ConnectionActionBody body)
    {
        if (body.Action is not ("receive" or "reject"))
        {
            throw ApiError.BadRequest("EndPoint.0007", "Invalid action: use receive or reject.");
        }

        if (body.Endpoints is not { Count: 1 })
        {
            throw ApiError.BadRequest("EndPoint.2031", "Only one endpoint is allowed.");
        }

        return Write(now =>
        {
            FindService(projectId, serviceId);
            var endpoint = _state.Endpoints.Find(candidate => candidate.Id == body.Endpoints[0] && candidate.ServiceId == serviceId)
                ?? throw ApiError.BadRequest("Endpoint.2013", "The endpoint does not belong to the endpoint service.");
            switch (endpoint.Status)
            {
                case Statuses.Creating:
                    throw ApiError.BadRequest("EndPoint.2019", "The VPC endpoint is being created.");
                case Statuses.Deleting:
                    throw ApiError.BadRequest("EndPoint.2018", "The VPC endpoint is being deleted.");
                case Statuses.Failed when body.Action == "receive" && _settings.Strict:
                    // The error appendix: "The VPC endpoint in the Failed status cannot be modified". Lenient: accepted.
                    throw ApiError.BadRequest("EndPoint.2047", "The VPC endpoint in the Failed status cannot be modified.");
            }

            if (body.Action == "receive")
            {
                Accept(endpoint);
            }
            else
            {
                endpoint.Status = Statuses.Rejected;
            }

            endpoint.UpdatedAt = now;
            return new { connections = new[] { ConnectionView.Of(endpoint) } };
        });
    }

    public object ListPermissions(string projectId, string serviceId, IQueryCollection query)
    {
        var paging = ListQuery.Parse(query, MaxPermissionPage, _settings, "created_at");
        var filter = query["permission"].ToString();
        return Read(_ =>
        {
            var service = FindService(projectId, serviceId);
            var matches = service.Permissions
                .Select((entry, index) => (Entry: entry, Order: (long)index))
                .Where(item => FuzzyContains(item.Entry.Permission, filter))
                .ToList();
            var page = paging.Page(matches, item => item.Entry.CreatedAt, item => item.Entry.CreatedAt, item => item.Order);
            return new { permissions = page.Select(item => PermissionView.Of(item.Entry, ReportedPermission(item.Entry.Permission))).ToList(), total_count = matches.Count };
        });
    }

    public object ActOnPermissions(string projectId, string serviceId, PermissionActionBody body)
    {
        if (body.Action is not ("add" or "remove"))
        {
            throw ApiError.BadRequest("EndPoint.3035", "Invalid action: use add or remove.");
        }

        if (body.Permissions is not { Count: > 0 })
        {
            throw ApiError.BadRequest("EndPoint.3036", "The permission list is empty.");
        }

        // The action page: "iam:domain:: is fixed" (the id may be *). Lenient also takes a bare * (the query page's
        // answer form); strict refuses it.
        var strict = _settings.Strict;
        foreach (var permission in body.Permissions)
        {
            if (permission is null || !(strict ? StrictPermissionPattern() : PermissionPattern()).IsMatch(permission))
            {
                throw ApiError.BadRequest("EndPoint.3002", strict
                    ? $"Invalid permission '{permission}': use iam:domain::<domain id> (iam:domain::* for every account)."
                    : $"Invalid permission '{permission}': use iam:domain::<domain id> or *.");
            }
        }

        return Write(now =>
        {
            var service = FindService(projectId, serviceId);
            foreach (var permission in body.Permissions.Distinct(StringComparer.Ordinal))
            {
                // * and iam:domain::* are one entry however they are spelt.
                var existing = service.Permissions.FindIndex(entry => Canonical(entry.Permission) == Canonical(permission));
                if (body.Action == "add" && existing < 0)
                {
                    service.Permissions.Add(new PermissionEntry(Guid.NewGuid().ToString(), permission, now));
                }
                else if (body.Action == "remove" && existing >= 0)
                {
                    service.Permissions.RemoveAt(existing);
                }
            }

            return new { permissions = service.Permissions.Select(entry => ReportedPermission(entry.Permission)).ToList() };
        });
    }

    /// <summary>Whether a consumer domain may connect to <paramref name="service"/>; the owner's domain always may.</summary>
    private static bool IsWhitelisted(ServiceRecord service, string consumerDomainId) =>
        service.DomainId == consumerDomainId
        || service.Permissions.Any(entry => Canonical(entry.Permission) == EveryAccount || entry.Permission == DomainPrefix + consumerDomainId);

    /// <summary>
    /// How a whitelist entry is answered: as stored, except that strict mode answers the every-account entry as a bare
    /// <c>*</c>, the form the query page gives ("iam:domain::&lt;id&gt; or *"), whatever form it was added in.
    /// </summary>
    private string ReportedPermission(string permission) =>
        _settings.Strict && Canonical(permission) == EveryAccount ? "*" : permission;

    private static string Canonical(string permission) => permission == "*" ? EveryAccount : permission;

    private const string DomainPrefix = "iam:domain::";
    private const string EveryAccount = DomainPrefix + "*";

    [GeneratedRegex(@"^(\*|iam:domain::[A-Za-z0-9*]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex PermissionPattern();

    [GeneratedRegex(@"^iam:domain::[A-Za-z0-9*]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex StrictPermissionPattern();
}
