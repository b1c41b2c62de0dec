using Otc.CloudClient;
using Otc.Provider.Resources.Common;
using Otc.Provider.Resources.VpcEndpointService;
using WireEndpoint = Otc.CloudClient.VpcEndpoint;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>Translates between the endpoint resource's records and the VPCEP client's wire models.</summary>
internal static class EndpointMapper
{
    public static CreateEndpointRequest ToCreateRequest(VpcEndpointArgs args) => new()
    {
        EndpointServiceId = args.ServiceId,
        VpcId = args.VpcId,
        SubnetId = NullIfEmpty(args.SubnetId),
        PortIp = NullIfEmpty(args.PortIp),
        EnableDns = args.EffectiveEnableDns,
        EnableWhitelist = args.EnableWhitelist,
        Whitelist = args.Whitelist is { Count: > 0 } whitelist ? [.. whitelist.Distinct(StringComparer.Ordinal)] : null,
        RouteTables = args.RouteTables is { Count: > 0 } tables ? [.. tables.Distinct(StringComparer.Ordinal)] : null,
        Description = NullIfEmpty(args.Description),
        Tags = args.EffectiveTags.Count == 0 ? null : [.. args.EffectiveTags.Select(tag => new ResourceTag { Key = tag.Key, Value = tag.Value })],
    };

    /// <summary>
    /// The outputs for an endpoint as the cloud reports it. <paramref name="preferred"/> (the user's inputs) only decides
    /// the order of the whitelist and route tables when they hold the same set. <paramref name="region"/> completes the
    /// service's full name when the cloud answers the bare one.
    /// </summary>
    public static VpcEndpointState ToState(WireEndpoint endpoint, VpcEndpointArgs? preferred, string region)
    {
        var settings = new VpcEndpointArgs
        {
            ServiceId = endpoint.EndpointServiceId ?? preferred?.ServiceId ?? "",
            VpcId = endpoint.VpcId ?? preferred?.VpcId ?? "",
            SubnetId = NullIfEmpty(endpoint.SubnetId),
            PortIp = NullIfEmpty(endpoint.Ip),
            EnableDns = endpoint.EnableDns,
            EnableWhitelist = endpoint.EnableWhitelist,
            Whitelist = InPreferredOrder(endpoint.Whitelist, preferred?.Whitelist),
            RouteTables = InPreferredOrder(endpoint.RouteTables, preferred?.RouteTables),
            Description = endpoint.Description ?? "",
            Tags = TagChanges.MapOf(endpoint.Tags),
        };
        return new VpcEndpointState
        {
            Settings = settings,
            Status = endpoint.Status,
            Ip = NullIfEmpty(endpoint.Ip),
            DnsNames = endpoint.DnsNames,
            MarkerId = NullIfEmpty(endpoint.MarkerId),
            ServiceName = string.IsNullOrEmpty(settings.ServiceId) ? endpoint.EndpointServiceName : ServiceNames.FullName(endpoint.EndpointServiceName, settings.ServiceId, region),
            ServiceType = endpoint.ServiceType,
            ProjectId = endpoint.ProjectId,
            CreatedAt = endpoint.CreatedAt,
            UpdatedAt = endpoint.UpdatedAt,
        };
    }

    /// <summary>
    /// The inputs that reproduce the live endpoint, shaped like Check's output: defaults present, optional values present
    /// only when set (or when the user wrote them). What the cloud fills in by itself (the IP, a gateway's route table)
    /// appears only where the user wrote it, or on import, which reproduces everything.
    /// </summary>
    public static VpcEndpointArgs ToInputs(VpcEndpointState state, VpcEndpointArgs? oldInputs)
    {
        var live = state.Settings;
        var importing = oldInputs is null;
        return new VpcEndpointArgs
        {
            ServiceId = live.ServiceId,
            VpcId = live.VpcId,
            SubnetId = live.SubnetId ?? (oldInputs?.SubnetId is null ? null : ""),
            PortIp = importing || oldInputs!.PortIp is not null ? live.PortIp : null,
            EnableDns = live.EffectiveEnableDns,
            EnableWhitelist = live.EffectiveEnableWhitelist,
            Whitelist = live.Whitelist is { Count: > 0 } ? live.Whitelist : oldInputs?.Whitelist is null ? null : [],
            RouteTables = (importing || oldInputs!.RouteTables is not null) && live.RouteTables is { Count: > 0 } ? live.RouteTables : oldInputs?.RouteTables is null ? null : [],
            Description = !string.IsNullOrEmpty(live.Description) ? live.Description : oldInputs?.Description is null ? null : "",
            Tags = live.EffectiveTags.Count > 0 ? live.Tags : oldInputs?.Tags is null ? null : new Dictionary<string, string>(),
        };
    }

    /// <summary>The user's order when the cloud holds the same set, else the cloud's.</summary>
    private static IReadOnlyList<string> InPreferredOrder(IReadOnlyList<string> live, IReadOnlyList<string>? preferred) =>
        preferred is not null && live.ToHashSet(StringComparer.Ordinal).SetEquals(preferred) ? preferred : live;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
