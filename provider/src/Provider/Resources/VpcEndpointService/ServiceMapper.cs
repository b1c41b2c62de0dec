using Otc.CloudClient;
using Otc.Provider.Resources.Common;
using WirePort = Otc.CloudClient.PortMapping;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>Translates between the resource's records and the VPCEP client's wire models.</summary>
internal static class ServiceMapper
{
    public static CreateServiceRequest ToCreateRequest(VpcEndpointServiceArgs args) => new()
    {
        PortId = args.PortId,
        PoolId = string.IsNullOrEmpty(args.PoolId) ? null : args.PoolId,
        ServiceName = args.ServiceName,
        VpcId = args.VpcId,
        ApprovalEnabled = args.EffectiveApprovalEnabled,
        ServiceType = args.EffectiveServiceType,
        ServerType = args.CanonicalServerType,
        Ports = ToWirePorts(args.Ports),
        TcpProxy = args.EffectiveTcpProxy,
        Tags = args.EffectiveTags.Count == 0 ? null : ToWireTags(args.EffectiveTags),
        Description = string.IsNullOrEmpty(args.Description) ? null : args.Description,
    };

    public static List<WirePort> ToWirePorts(IEnumerable<PortMapping> ports) =>
        [.. ports.Select(port => port.Canonical()).Select(port => new WirePort
        {
            ClientPort = port.ClientPort,
            ServerPort = port.ServerPort,
            Protocol = port.Protocol,
        })];

    public static List<ResourceTag> ToWireTags(IEnumerable<KeyValuePair<string, string>> tags) =>
        [.. tags.Select(tag => new ResourceTag { Key = tag.Key, Value = tag.Value })];

    /// <summary>
    /// The outputs for a service as the cloud reports it. <paramref name="preferred"/> (the user's inputs) only decides
    /// the order of ports and permissions when they hold the same set, so an unchanged set never shows as a change.
    /// <paramref name="region"/> completes the full name when the cloud answers the bare one.
    /// </summary>
    public static VpcEndpointServiceState ToState(EndpointService service, IReadOnlyList<string> permissions, VpcEndpointServiceArgs? preferred, string region)
    {
        var ports = service.Ports
            .Select(port => new PortMapping(port.ClientPort, port.ServerPort, port.Protocol ?? ServiceVocabulary.DefaultProtocol).Canonical())
            .ToList();
        if (preferred is not null && PortMapping.SameSet(preferred.Ports, ports))
        {
            ports = [.. preferred.Ports.Select(port => port.Canonical())];
        }

        var bareIds = permissions.Select(Permissions.ToDomainId).Distinct(StringComparer.Ordinal).ToList();
        if (preferred?.Permissions is { } wanted && preferred.PermissionSet.SequenceEqual(Permissions.ToSet(bareIds)))
        {
            bareIds = [.. wanted.Select(Permissions.ToDomainId).Distinct(StringComparer.Ordinal)];
        }

        var settings = new VpcEndpointServiceArgs
        {
            PortId = service.PortId ?? "",
            VpcId = service.VpcId ?? "",
            ServerType = service.ServerType ?? "",
            ServiceType = service.ServiceType ?? ServiceVocabulary.DefaultServiceType,
            PoolId = string.IsNullOrEmpty(service.PoolId) ? null : service.PoolId,
            ServiceName = ServiceNames.ShortName(service.ServiceName, service.Id),
            ApprovalEnabled = service.ApprovalEnabled,
            Ports = ports,
            TcpProxy = string.IsNullOrEmpty(service.TcpProxy) ? ServiceVocabulary.DefaultTcpProxy : service.TcpProxy,
            Description = service.Description ?? "",
            Tags = TagChanges.MapOf(service.Tags),
            Permissions = bareIds,
        };
        return new VpcEndpointServiceState
        {
            Settings = settings,
            Status = service.Status,
            FullServiceName = ServiceNames.FullName(service.ServiceName, service.Id, region),
            CreatedAt = service.CreatedAt,
            UpdatedAt = service.UpdatedAt,
            ProjectId = service.ProjectId,
        };
    }

    /// <summary>
    /// The inputs that reproduce the live service, shaped exactly like Check's output: defaults present, optional values
    /// present only when set (or when the user wrote them), and the user's spelling kept wherever it means the same.
    /// A value the cloud fills in by itself (the pool) appears only where the user wrote one, or on import, which
    /// reproduces everything (Diff then ignores it while a program leaves it out).
    /// </summary>
    public static VpcEndpointServiceArgs ToInputs(VpcEndpointServiceState state, VpcEndpointServiceArgs? oldInputs)
    {
        var live = state.Settings;
        return new VpcEndpointServiceArgs
        {
            PortId = live.PortId,
            VpcId = live.VpcId,
            ServerType = Prefer(oldInputs?.ServerType, live.ServerType)!,
            ServiceType = Prefer(oldInputs?.ServiceType, live.EffectiveServiceType),
            PoolId = oldInputs is null || oldInputs.PoolId is not null ? live.PoolId : null,
            ServiceName = live.ServiceName,
            ApprovalEnabled = live.EffectiveApprovalEnabled,
            Ports = oldInputs is not null && PortMapping.SameSet(oldInputs.Ports, live.Ports) ? oldInputs.Ports : live.Ports,
            TcpProxy = Prefer(oldInputs?.TcpProxy, live.EffectiveTcpProxy),
            Description = !string.IsNullOrEmpty(live.Description) ? live.Description : oldInputs?.Description is null ? null : "",
            Tags = live.EffectiveTags.Count > 0 ? live.Tags : oldInputs?.Tags is null ? null : new Dictionary<string, string>(),
            Permissions = PermissionsInput(live, oldInputs),
        };
    }

    private static IReadOnlyList<string>? PermissionsInput(VpcEndpointServiceArgs live, VpcEndpointServiceArgs? oldInputs)
    {
        if (live.PermissionSet.Count == 0)
        {
            return oldInputs?.Permissions is null ? null : [];
        }

        return oldInputs?.Permissions is { } written && oldInputs.PermissionSet.SequenceEqual(live.PermissionSet)
            ? written
            : live.Permissions;
    }

    /// <summary>The user's spelling when it names the same value (enum case), else the live value.</summary>
    private static string? Prefer(string? written, string? live) =>
        written is not null && ServiceVocabulary.SameIgnoringCase(written, live) ? written : live;
}
