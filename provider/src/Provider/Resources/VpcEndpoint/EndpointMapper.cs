using Otc.CloudClient;
using Otc.Provider.Resources.Common;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Models;
using WireEndpoint = Otc.CloudClient.VpcEndpoint;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>Translates between the endpoint resource's models and the VPCEP client's wire models.</summary>
internal static class EndpointMapper
{
    public static CreateEndpointRequest ToCreateRequest(VpcEndpointInputs inputs) => new()
    {
        EndpointServiceId = inputs.ServiceId.Value,
        VpcId = inputs.VpcId.Value,
        SubnetId = NullIfEmpty(inputs.SubnetId.ValueOrDefault),
        PortIp = NullIfEmpty(inputs.PortIp.ValueOrDefault),
        EnableDns = inputs.EnableDns.Value,
        EnableWhitelist = inputs.EnableWhitelist.ValueOrDefault,
        Whitelist = inputs.Whitelist.ValueOrDefault is { Count: > 0 } whitelist ? [.. whitelist.Values.Distinct(StringComparer.Ordinal)] : null,
        RouteTables = inputs.RouteTables.ValueOrDefault is { Count: > 0 } tables ? [.. tables.Values.Distinct(StringComparer.Ordinal)] : null,
        Description = NullIfEmpty(inputs.Description.ValueOrDefault),
        Tags = inputs.TagMap.Count == 0 ? null : [.. inputs.TagMap.Select(tag => new ResourceTag { Key = tag.Key, Value = tag.Value })],
        PolicyStatement = inputs.PolicyStatements.TryGetValue(out var statements) ? [.. statements.Values.Select(ToWire)] : null,
    };

    /// <summary>A statement as the API spells it: the effect's documented spelling, each action and resource once.</summary>
    private static CloudClient.PolicyStatement ToWire(PolicyStatement statement) => new()
    {
        Effect = PolicyStatement.Effects.CanonicalOrSelf(statement.Effect.Value),
        Action = [.. statement.Actions.Value.Values.Distinct(StringComparer.Ordinal)],
        Resource = [.. statement.Resources.Value.Values.Distinct(StringComparer.Ordinal)],
    };

    private static PolicyStatement FromWire(CloudClient.PolicyStatement statement) => new()
    {
        Effect = statement.Effect,
        Actions = InputList<string>.Of(statement.Action),
        Resources = InputList<string>.Of(statement.Resource),
    };

    /// <summary>
    /// The outputs for an endpoint as the cloud reports it. <paramref name="preferred"/> (the user's inputs) only decides
    /// the order of the whitelist and route tables when they hold the same set. <paramref name="region"/> completes the
    /// service's full name when the cloud answers the bare one.
    /// </summary>
    public static VpcEndpointState ToState(WireEndpoint endpoint, VpcEndpointInputs? preferred, string region)
    {
        var serviceId = endpoint.EndpointServiceId ?? preferred?.ServiceId.ValueOrDefault ?? "";
        var settings = new VpcEndpointInputs
        {
            ServiceId = serviceId,
            VpcId = endpoint.VpcId ?? preferred?.VpcId.ValueOrDefault ?? "",
            SubnetId = NullIfEmpty(endpoint.SubnetId),
            PortIp = NullIfEmpty(endpoint.Ip),
            EnableDns = endpoint.EnableDns,
            EnableWhitelist = endpoint.EnableWhitelist,
            Whitelist = InPreferredOrder(endpoint.Whitelist, preferred?.Whitelist),
            RouteTables = InPreferredOrder(endpoint.RouteTables, preferred?.RouteTables),
            Description = endpoint.Description ?? "",
            Tags = InputMap<string>.Of(TagChanges.MapOf(endpoint.Tags)),
            PolicyStatements = PolicyInPreferredOrder(endpoint.PolicyStatement, preferred?.PolicyStatements),
        };
        return new VpcEndpointState
        {
            Settings = settings,
            Status = endpoint.Status,
            Ip = NullIfEmpty(endpoint.Ip),
            DnsNames = InputList<string>.Of(endpoint.DnsNames),
            MarkerId = NullIfEmpty(endpoint.MarkerId),
            ServiceName = string.IsNullOrEmpty(serviceId) ? endpoint.EndpointServiceName : ServiceNames.FullName(endpoint.EndpointServiceName, serviceId, region),
            ServiceType = endpoint.ServiceType,
            ProjectId = endpoint.ProjectId,
            CreatedAt = endpoint.CreatedAt,
            UpdatedAt = endpoint.UpdatedAt,
            Errors = CloudError.ListOf(endpoint.Errors),
            EnableStatus = NullIfEmpty(endpoint.EnableStatus),
            ActiveStatus = InputList<string>.Of(endpoint.ActiveStatus),
            SpecificationName = NullIfEmpty(endpoint.SpecificationName),
        };
    }

    /// <summary>
    /// The inputs that reproduce the live endpoint, shaped like Check's output: defaults present, optional values present
    /// only when set (or when the user wrote them). What the cloud fills in by itself (the IP, a gateway's route table)
    /// appears only where the user wrote it, or on import, which reproduces everything.
    /// </summary>
    public static VpcEndpointInputs ToInputs(VpcEndpointState state, VpcEndpointInputs? oldInputs)
    {
        var live = state.Settings;
        var importing = oldInputs is null;
        return new VpcEndpointInputs
        {
            ServiceId = live.ServiceId,
            VpcId = live.VpcId,
            SubnetId = !live.SubnetId.IsAbsent ? live.SubnetId : Written(oldInputs?.SubnetId, ""),
            PortIp = importing || !oldInputs!.PortIp.IsAbsent ? live.PortIp : Input<string>.Absent,
            EnableDns = live.EnableDns,
            EnableWhitelist = live.EnableWhitelist,
            Whitelist = HasEntries(live.Whitelist) ? live.Whitelist : Written(oldInputs?.Whitelist, InputList<string>.Empty),
            RouteTables = (importing || !oldInputs!.RouteTables.IsAbsent) && HasEntries(live.RouteTables)
                ? live.RouteTables
                : Written(oldInputs?.RouteTables, InputList<string>.Empty),
            Description = !string.IsNullOrEmpty(live.Description.ValueOrDefault) ? live.Description : Written(oldInputs?.Description, ""),
            Tags = live.TagMap.Count > 0 ? live.Tags : Written(oldInputs?.Tags, InputMap<string>.Empty),
            PolicyStatements = importing || !oldInputs!.PolicyStatements.IsAbsent ? live.PolicyStatements : Input<InputList<PolicyStatement>>.Absent,
        };
    }

    /// <summary>
    /// The policy as the cloud holds it (absent for an interface endpoint, or a cloud that answers none), in the user's
    /// order and spelling when it is the same set of statements.
    /// </summary>
    private static Input<InputList<PolicyStatement>> PolicyInPreferredOrder(
        IReadOnlyList<CloudClient.PolicyStatement>? live, Input<InputList<PolicyStatement>>? preferred)
    {
        if (live is null)
        {
            return Input<InputList<PolicyStatement>>.Absent;
        }

        var reported = InputList<PolicyStatement>.Of(live.Select(FromWire));
        return preferred?.ValueOrDefault is { IsFullyKnown: true } wanted && PolicyStatement.AsSet(wanted).Equals(PolicyStatement.AsSet(reported))
            ? wanted
            : reported;
    }

    /// <summary>The user's order when the cloud holds the same set, else the cloud's.</summary>
    private static Input<InputList<string>> InPreferredOrder(IReadOnlyList<string> live, Input<InputList<string>>? preferred) =>
        preferred?.ValueOrDefault is { IsFullyKnown: true } wanted && live.ToHashSet(StringComparer.Ordinal).SetEquals(wanted.Values)
            ? InputList<string>.Of(wanted.Values)
            : InputList<string>.Of(live);

    private static bool HasEntries(Input<InputList<string>> list) => list.ValueOrDefault is { Count: > 0 };

    /// <summary>An empty value where the user wrote the property (so the refreshed inputs keep its shape), else absent.</summary>
    private static Input<T> Written<T>(Input<T>? written, T empty) => written is { IsAbsent: false } ? empty : Input<T>.Absent;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
