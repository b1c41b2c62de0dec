using Otc.CloudClient;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using static Otc.Provider.Resources.PropertyDecoding;
using Names = Otc.Provider.Resources.VpcEndpointApproval.ApprovalProperties;

namespace Otc.Provider.Resources.VpcEndpointApproval;

/// <summary>
/// The outputs: the service, the listed endpoints whose connections are accepted right now (so a connection rejected
/// behind the provider's back drops out and shows as drift), and every connection of the service as the cloud reports it.
/// </summary>
public sealed record VpcEndpointApprovalState : IPropertyModel<VpcEndpointApprovalState>
{
    public required VpcEndpointApprovalArgs Settings { get; init; }

    public required IReadOnlyList<ApprovalConnection> Connections { get; init; }

    public static VpcEndpointApprovalState FromProperties(PropertyMap properties) => new()
    {
        Settings = VpcEndpointApprovalArgs.FromProperties(properties),
        Connections = properties.GetOrNull(Names.Connections).TryGetArray(out var items)
            ? [.. items.Select((item, index) => ApprovalConnection.FromProperty(item, $"{Names.Connections}[{index}]"))]
            : [],
    };

    public PropertyMap ToProperties() =>
        Settings.ToProperties().With(Names.Connections, PropertyValue.From(Connections.Select(connection => connection.ToProperty())));
}

/// <summary>
/// One endpoint's connection to the service, as the service's owner sees it. <see cref="MarkerId"/> is the cloud's
/// number as its digits (up to 18, more than a Pulumi number holds exactly).
/// </summary>
public sealed record ApprovalConnection(
    string EndpointId, string? MarkerId, string? DomainId, string? Status, string? Description, string? CreatedAt, string? UpdatedAt)
{
    public static ApprovalConnection From(ServiceConnection connection) => new(
        connection.Id,
        string.IsNullOrEmpty(connection.MarkerId) ? null : connection.MarkerId,
        connection.DomainId,
        connection.Status,
        connection.Description,
        connection.CreatedAt,
        connection.UpdatedAt);

    public static ApprovalConnection FromProperty(PropertyValue value, string path)
    {
        if (!value.TryGetObject(out var fields))
        {
            throw new PropertyDecodeException(path, "must be an object");
        }

        return new ApprovalConnection(
            RequiredString(fields, Names.EndpointId),
            OptionalDigits(fields, Names.MarkerId),
            OptionalString(fields, Names.DomainId),
            OptionalString(fields, Names.Status),
            OptionalString(fields, Names.Description),
            OptionalString(fields, Names.CreatedAt),
            OptionalString(fields, Names.UpdatedAt));
    }

    public PropertyValue ToProperty()
    {
        var fields = PropertyMap.From([KeyValuePair.Create(Names.EndpointId, PropertyValue.From(EndpointId))]);
        return PropertyValue.From(WithStrings(
            fields,
            (Names.MarkerId, MarkerId),
            (Names.DomainId, DomainId),
            (Names.Status, Status),
            (Names.Description, Description),
            (Names.CreatedAt, CreatedAt),
            (Names.UpdatedAt, UpdatedAt)));
    }
}
