using Otc.CloudClient;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;
using WirePort = Otc.CloudClient.PortMapping;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>Translates between the resource's models and the VPCEP client's wire models: the one place each input meets its wire field.</summary>
internal static class ServiceMapper
{
    public static CreateServiceRequest ToCreateRequest(VpcEndpointServiceInputs inputs) => new()
    {
        PortId = inputs.PortId.Value,
        PoolId = string.IsNullOrEmpty(inputs.PoolId.ValueOrDefault) ? null : inputs.PoolId.Value,
        ServiceName = inputs.ServiceName.ValueOrDefault,
        VpcId = inputs.VpcId.Value,
        ApprovalEnabled = inputs.ApprovalEnabled.Value,
        ServiceType = ServiceVocabulary.ServiceTypes.CanonicalOrSelf(inputs.ServiceType.Value),
        ServerType = ServiceVocabulary.ServerTypes.CanonicalOrSelf(inputs.ServerType.Value),
        Ports = ToWirePorts(inputs.PortList),
        TcpProxy = TcpProxyOf(inputs),
        Tags = inputs.TagMap.Count == 0 ? null : ToWireTags(inputs.TagMap),
        Description = string.IsNullOrEmpty(inputs.Description.ValueOrDefault) ? null : inputs.Description.Value,
    };

    /// <summary>
    /// The PUT body, or null when no modify-API field changed. It carries the fields that changed, and always the
    /// desired <c>approval_enabled</c> and <c>tcp_proxy</c>: the modify page documents request defaults for both
    /// ("The default value is true" / "close"), so a cloud that applies them to omitted fields would otherwise switch
    /// approval on and the proxy mode off with every ports, name or description change. (Each port carries its
    /// protocol, the page's only other default.) Changes that mean the same (port order, enum case, long vs short name)
    /// are no change. <paramref name="sendDocumentedDefaults"/> exists for the test that proves the strict emulator
    /// catches their absence; the provider always sends them.
    /// </summary>
    public static UpdateServiceRequest? ModifyRequest(VpcEndpointServiceInputs old, VpcEndpointServiceInputs desired, bool sendDocumentedDefaults = true)
    {
        var approvalChanged = old.ApprovalEnabled.Value != desired.ApprovalEnabled.Value;
        var oldName = ServiceNames.ShortName(old.ServiceName.ValueOrDefault);
        var newName = ServiceNames.ShortName(desired.ServiceName.ValueOrDefault);
        // A name cannot be removed in place (Diff turns that into a replace), so only a new name is sent.
        var nameChanged = newName is not null && !string.Equals(oldName, newName, StringComparison.Ordinal);
        var portsChanged = !PortMapping.SameSet(old.PortList, desired.PortList);
        var portIdChanged = !string.Equals(old.PortId.Value, desired.PortId.Value, StringComparison.Ordinal);
        var tcpProxyChanged = !string.Equals(TcpProxyOf(old), TcpProxyOf(desired), StringComparison.Ordinal);
        var descriptionChanged = !string.Equals(old.Description.ValueOr(""), desired.Description.ValueOr(""), StringComparison.Ordinal);
        if (!(approvalChanged || nameChanged || portsChanged || portIdChanged || tcpProxyChanged || descriptionChanged))
        {
            return null;
        }

        return new UpdateServiceRequest
        {
            ApprovalEnabled = approvalChanged || sendDocumentedDefaults ? desired.ApprovalEnabled.Value : null,
            ServiceName = nameChanged ? newName : null,
            Ports = portsChanged ? ToWirePorts(desired.PortList) : null,
            PortId = portIdChanged ? desired.PortId.Value : null,
            TcpProxy = tcpProxyChanged || sendDocumentedDefaults ? TcpProxyOf(desired) : null,
            Description = descriptionChanged ? desired.Description.ValueOr("") : null,
        };
    }

    public static List<WirePort> ToWirePorts(IEnumerable<PortMapping> ports) =>
        [.. ports.Select(port => port.Key).Select(key => new WirePort
        {
            ClientPort = checked((int)key.ClientPort),
            ServerPort = checked((int)key.ServerPort),
            Protocol = key.Protocol,
        })];

    public static List<ResourceTag> ToWireTags(IEnumerable<KeyValuePair<string, string>> tags) =>
        [.. tags.Select(tag => new ResourceTag { Key = tag.Key, Value = tag.Value })];

    /// <summary>
    /// The outputs for a service as the cloud reports it. <paramref name="preferred"/> (the user's inputs) only decides
    /// the order of ports and permissions when they hold the same set, so an unchanged set never shows as a change.
    /// <paramref name="region"/> completes the full name when the cloud answers the bare one.
    /// </summary>
    public static VpcEndpointServiceState ToState(EndpointService service, IReadOnlyList<string> permissions, VpcEndpointServiceInputs? preferred, string region)
    {
        var ports = service.Ports
            .Select(port => new PortMapping(port.ClientPort, port.ServerPort, port.Protocol ?? ServiceVocabulary.DefaultProtocol).Canonical())
            .ToList();
        if (preferred is not null && PortMapping.SameSet(preferred.PortList, ports))
        {
            ports = [.. preferred.PortList.Select(port => port.Canonical())];
        }

        var bareIds = permissions.Select(Permissions.ToDomainId).Distinct(StringComparer.Ordinal).ToList();
        if (preferred?.Permissions.ValueOrDefault is { } wanted && preferred.PermissionSet.SequenceEqual(Permissions.ToSet(bareIds)))
        {
            bareIds = [.. wanted.Values.Select(Permissions.ToDomainId).Distinct(StringComparer.Ordinal)];
        }

        var settings = new VpcEndpointServiceInputs
        {
            PortId = service.PortId ?? "",
            VpcId = service.VpcId ?? "",
            ServerType = service.ServerType ?? "",
            ServiceType = service.ServiceType ?? ServiceVocabulary.DefaultServiceType,
            PoolId = string.IsNullOrEmpty(service.PoolId) ? null : service.PoolId,
            ServiceName = ServiceNames.ShortName(service.ServiceName, service.Id),
            ApprovalEnabled = service.ApprovalEnabled,
            Ports = InputList<PortMapping>.Of(ports),
            TcpProxy = string.IsNullOrEmpty(service.TcpProxy) ? ServiceVocabulary.DefaultTcpProxy : service.TcpProxy,
            Description = service.Description ?? "",
            Tags = InputMap<string>.Of(TagChanges.MapOf(service.Tags)),
            Permissions = InputList<string>.Of(bareIds),
        };
        return new VpcEndpointServiceState
        {
            Settings = settings,
            Status = service.Status,
            FullServiceName = ServiceNames.FullName(service.ServiceName, service.Id, region),
            CreatedAt = service.CreatedAt,
            UpdatedAt = service.UpdatedAt,
            ProjectId = service.ProjectId,
            Errors = CloudError.ListOf(service.Errors),
        };
    }

    /// <summary>
    /// The inputs that reproduce the live service, shaped exactly like Check's output: defaults present, optional values
    /// present only when set (or when the user wrote them), and the user's spelling kept wherever it means the same.
    /// A value the cloud fills in by itself (the pool) appears only where the user wrote one, or on import, which
    /// reproduces everything (Diff then ignores it while a program leaves it out).
    /// </summary>
    public static VpcEndpointServiceInputs ToInputs(VpcEndpointServiceState state, VpcEndpointServiceInputs? oldInputs)
    {
        var live = state.Settings;
        return new VpcEndpointServiceInputs
        {
            PortId = live.PortId,
            VpcId = live.VpcId,
            ServerType = Prefer(oldInputs?.ServerType, live.ServerType.Value),
            ServiceType = Prefer(oldInputs?.ServiceType, ServiceVocabulary.ServiceTypes.CanonicalOrSelf(live.ServiceType.ValueOr(ServiceVocabulary.DefaultServiceType))),
            PoolId = oldInputs is null || !oldInputs.PoolId.IsAbsent ? live.PoolId : Input<string>.Absent,
            ServiceName = live.ServiceName,
            ApprovalEnabled = live.ApprovalEnabled,
            Ports = oldInputs is not null && PortMapping.SameSet(oldInputs.PortList, live.PortList) ? oldInputs.Ports : live.Ports,
            TcpProxy = Prefer(oldInputs?.TcpProxy, TcpProxyOf(live)),
            Description = !string.IsNullOrEmpty(live.Description.ValueOrDefault) ? live.Description : OrEmpty(oldInputs?.Description, ""),
            Tags = live.TagMap.Count > 0 ? live.Tags : OrEmpty(oldInputs?.Tags, InputMap<string>.Empty),
            Permissions = PermissionsInput(live, oldInputs),
        };
    }

    /// <summary>The mode, spelled as the cloud reports it (the schema's default applies where the program left it out).</summary>
    private static string TcpProxyOf(VpcEndpointServiceInputs inputs) =>
        ServiceVocabulary.TcpProxyModes.CanonicalOrSelf(inputs.TcpProxy.ValueOr(ServiceVocabulary.DefaultTcpProxy));

    private static Input<InputList<string>> PermissionsInput(VpcEndpointServiceInputs live, VpcEndpointServiceInputs? oldInputs)
    {
        if (live.PermissionSet.Count == 0)
        {
            return OrEmpty(oldInputs?.Permissions, InputList<string>.Empty);
        }

        return oldInputs is not null && !oldInputs.Permissions.IsAbsent && oldInputs.PermissionSet.SequenceEqual(live.PermissionSet)
            ? oldInputs.Permissions
            : live.Permissions;
    }

    /// <summary>An empty value where the user wrote the property (so the refreshed inputs keep its shape), else absent.</summary>
    private static Input<T> OrEmpty<T>(Input<T>? written, T empty) => written is { IsAbsent: false } ? empty : Input<T>.Absent;

    /// <summary>The user's spelling when it names the same value (enum case), else the live value.</summary>
    private static Input<string> Prefer(Input<string>? written, string live) =>
        written is { } input && input.TryGetValue(out var text) && string.Equals(text, live, StringComparison.OrdinalIgnoreCase) ? input : live;
}
