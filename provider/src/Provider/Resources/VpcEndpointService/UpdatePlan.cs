using Otc.CloudClient;
using Otc.Provider.Resources.Common;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// The cloud calls an update needs: at most one PUT with the changed modify-API fields, then the tag and whitelist
/// deltas. Changes that mean the same (port order, enum case, long vs short name) produce no call.
/// </summary>
internal sealed record UpdatePlan(
    UpdateServiceRequest? Modify,
    TagChanges Tags,
    IReadOnlyList<string> PermissionsToRemove,
    IReadOnlyList<string> PermissionsToAdd)
{
    public bool IsEmpty => Modify is null && Tags.IsEmpty && PermissionsToRemove.Count == 0 && PermissionsToAdd.Count == 0;

    public static UpdatePlan Build(VpcEndpointServiceArgs old, VpcEndpointServiceArgs desired, bool sendDocumentedDefaults = true)
    {
        var oldPermissions = old.PermissionSet;
        var newPermissions = desired.PermissionSet;
        return new UpdatePlan(
            ModifyRequest(old, desired, sendDocumentedDefaults),
            TagChanges.Between(old.EffectiveTags, desired.EffectiveTags),
            [.. oldPermissions.Except(newPermissions, StringComparer.Ordinal)],
            [.. newPermissions.Except(oldPermissions, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The PUT body, or null when no modify-API field changed. It carries the fields that changed, and always the
    /// desired <c>approval_enabled</c> and <c>tcp_proxy</c>: the modify page documents request defaults for both
    /// ("The default value is true" / "close"), so a cloud that applies them to omitted fields would otherwise switch
    /// approval on and the proxy mode off with every ports, name or description change. (Each port carries its
    /// protocol, the page's only other default.) <paramref name="sendDocumentedDefaults"/> exists for the test that
    /// proves the strict emulator catches their absence; the provider always sends them.
    /// </summary>
    public static UpdateServiceRequest? ModifyRequest(VpcEndpointServiceArgs old, VpcEndpointServiceArgs desired, bool sendDocumentedDefaults = true)
    {
        var approvalChanged = old.EffectiveApprovalEnabled != desired.EffectiveApprovalEnabled;
        var oldName = ServiceNames.ShortName(old.ServiceName);
        var newName = ServiceNames.ShortName(desired.ServiceName);
        // A name cannot be removed in place (Diff turns that into a replace), so only a new name is sent.
        var nameChanged = newName is not null && !string.Equals(oldName, newName, StringComparison.Ordinal);
        var portsChanged = !PortMapping.SameSet(old.Ports, desired.Ports);
        var portIdChanged = !string.Equals(old.PortId, desired.PortId, StringComparison.Ordinal);
        var tcpProxyChanged = !string.Equals(old.EffectiveTcpProxy, desired.EffectiveTcpProxy, StringComparison.Ordinal);
        var descriptionChanged = !string.Equals(old.Description ?? "", desired.Description ?? "", StringComparison.Ordinal);
        if (!(approvalChanged || nameChanged || portsChanged || portIdChanged || tcpProxyChanged || descriptionChanged))
        {
            return null;
        }

        return new UpdateServiceRequest
        {
            ApprovalEnabled = approvalChanged || sendDocumentedDefaults ? desired.EffectiveApprovalEnabled : null,
            ServiceName = nameChanged ? newName : null,
            Ports = portsChanged ? ServiceMapper.ToWirePorts(desired.Ports) : null,
            PortId = portIdChanged ? desired.PortId : null,
            TcpProxy = tcpProxyChanged || sendDocumentedDefaults ? desired.EffectiveTcpProxy : null,
            Description = descriptionChanged ? desired.Description ?? "" : null,
        };
    }
}
