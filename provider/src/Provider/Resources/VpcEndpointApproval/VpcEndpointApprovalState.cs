using Otc.CloudClient;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;

namespace Otc.Provider.Resources.VpcEndpointApproval;

/// <summary>
/// The outputs: the service, the listed endpoints whose connections are accepted right now (so a connection rejected
/// behind the provider's back drops out and shows as drift), and every connection of the service as the cloud reports it.
/// </summary>
public sealed record VpcEndpointApprovalState : IPropertyModel<VpcEndpointApprovalState>, IDiffNormalised<VpcEndpointApprovalState>
{
    public VpcEndpointApprovalInputs Settings { get; init; } = new();

    public Input<InputList<ApprovalConnection>> Connections { get; init; }

    public static PropertyTable<VpcEndpointApprovalState> Properties { get; } = new PropertyTable<VpcEndpointApprovalState>()
        .Include(VpcEndpointApprovalInputs.Properties, s => s.Settings, (s, v) => s with { Settings = v })
        .Add(
            "connections",
            Codec.ListOf(Codec.Object<ApprovalConnection>("VpcEndpointApprovalConnection")),
            s => s.Connections,
            (s, v) => s with { Connections = v },
            PropertyFlags.Required);

    public VpcEndpointApprovalState NormalisedForDiff() => this with { Settings = Settings.NormalisedForDiff() };
}

/// <summary>
/// One endpoint's connection to the service, as the service's owner sees it. <see cref="MarkerId"/> is the cloud's
/// number as its digits (up to 18, more than a Pulumi number holds exactly).
/// </summary>
public sealed record ApprovalConnection : IPropertyModel<ApprovalConnection>
{
    public Input<string> EndpointId { get; init; }

    public Input<string> MarkerId { get; init; }

    public Input<string> DomainId { get; init; }

    public Input<string> Status { get; init; }

    public Input<string> Description { get; init; }

    public Input<string> CreatedAt { get; init; }

    public Input<string> UpdatedAt { get; init; }

    public static PropertyTable<ApprovalConnection> Properties { get; } = new PropertyTable<ApprovalConnection>()
        .Add("endpointId", Codec.String, c => c.EndpointId, (c, v) => c with { EndpointId = v }, PropertyFlags.Required)
        .Add("markerId", DigitsCodec.Instance, c => c.MarkerId, (c, v) => c with { MarkerId = v })
        .Add("domainId", Codec.String, c => c.DomainId, (c, v) => c with { DomainId = v })
        .Add("status", Codec.String, c => c.Status, (c, v) => c with { Status = v })
        .Add("description", Codec.String, c => c.Description, (c, v) => c with { Description = v })
        .Add("createdAt", Codec.String, c => c.CreatedAt, (c, v) => c with { CreatedAt = v })
        .Add("updatedAt", Codec.String, c => c.UpdatedAt, (c, v) => c with { UpdatedAt = v });

    public static ApprovalConnection From(ServiceConnection connection) => new()
    {
        EndpointId = connection.Id,
        MarkerId = string.IsNullOrEmpty(connection.MarkerId) ? null : connection.MarkerId,
        DomainId = connection.DomainId,
        Status = connection.Status,
        Description = connection.Description,
        CreatedAt = connection.CreatedAt,
        UpdatedAt = connection.UpdatedAt,
    };
}
