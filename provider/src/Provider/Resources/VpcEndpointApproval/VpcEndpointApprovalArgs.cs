using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using static Otc.Provider.Resources.PropertyDecoding;
using Names = Otc.Provider.Resources.VpcEndpointApproval.ApprovalProperties;

namespace Otc.Provider.Resources.VpcEndpointApproval;

/// <summary>The checked inputs: the service, and the endpoints whose connections it accepts (a set; the order is the user's).</summary>
public sealed record VpcEndpointApprovalArgs : IPropertyModel<VpcEndpointApprovalArgs>
{
    public required string ServiceId { get; init; }

    public required IReadOnlyList<string> EndpointIds { get; init; }

    public static VpcEndpointApprovalArgs FromProperties(PropertyMap properties) => new()
    {
        ServiceId = RequiredString(properties, Names.ServiceId),
        EndpointIds = OptionalStringList(properties, Names.EndpointIds) ?? [],
    };

    public PropertyMap ToProperties() => PropertyMap.From(
    [
        KeyValuePair.Create(Names.ServiceId, PropertyValue.From(ServiceId)),
        KeyValuePair.Create(Names.EndpointIds, StringList(EndpointIds)),
    ]);
}
