using Otc.ProviderHost.Models;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// Preview outputs without calling the cloud. Values the cloud reports in its own spelling (enum case) are shown that
/// way; values only the cloud knows (status, timestamps, ids, the full name) are left out, which the engine shows as unknown.
/// </summary>
internal static class ServicePreview
{
    public static VpcEndpointServiceState Create(VpcEndpointServiceInputs inputs) => new() { Settings = inputs.AsCloudSpellsIt() };

    public static VpcEndpointServiceState Update(VpcEndpointServiceState oldState, VpcEndpointServiceInputs newInputs)
    {
        var oldName = ServiceNames.ShortName(oldState.Settings.ServiceName.ValueOrDefault);
        var newName = ServiceNames.ShortName(newInputs.ServiceName.ValueOrDefault);
        var renamed = newInputs.ServiceName.IsUnknown || !string.Equals(oldName, newName, StringComparison.Ordinal);

        // What an update leaves behind for inputs the program no longer sets.
        var cleared = oldState.Settings with
        {
            ServiceName = Input<string>.Absent,
            Description = "",
            Tags = InputMap<string>.Empty,
            Permissions = InputList<string>.Empty,
        };
        return oldState with
        {
            Settings = VpcEndpointServiceInputs.Properties.Overlay(cleared, newInputs.AsCloudSpellsIt()),
            Status = Input<string>.Absent,
            UpdatedAt = Input<string>.Absent,
            FullServiceName = renamed ? Input<string>.Absent : oldState.FullServiceName,
        };
    }
}
