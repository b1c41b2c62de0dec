using Otc.CloudClient;
using Otc.Provider.Resources.Common;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// The cloud calls an update needs: at most one PUT with the modify API's changes, then the tag and whitelist deltas.
/// Changes that mean the same (port order, enum case, long vs short name) produce no call.
/// </summary>
internal sealed record UpdatePlan(
    UpdateServiceRequest? Modify,
    TagChanges Tags,
    IReadOnlyList<string> PermissionsToRemove,
    IReadOnlyList<string> PermissionsToAdd)
{
    public bool IsEmpty => Modify is null && Tags.IsEmpty && PermissionsToRemove.Count == 0 && PermissionsToAdd.Count == 0;

    /// <param name="sendDocumentedDefaults">See <see cref="ServiceMapper.ModifyRequest"/>; the provider always sends them.</param>
    public static UpdatePlan Build(VpcEndpointServiceInputs old, VpcEndpointServiceInputs desired, bool sendDocumentedDefaults = true)
    {
        var oldPermissions = old.PermissionSet;
        var newPermissions = desired.PermissionSet;
        return new UpdatePlan(
            ServiceMapper.ModifyRequest(old, desired, sendDocumentedDefaults),
            TagChanges.Between(old.TagMap, desired.TagMap),
            [.. oldPermissions.Except(newPermissions, StringComparer.Ordinal)],
            [.. newPermissions.Except(oldPermissions, StringComparer.Ordinal)]);
    }
}
