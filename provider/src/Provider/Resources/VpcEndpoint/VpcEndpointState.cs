using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;
using Names = Otc.Provider.Resources.VpcEndpoint.VpcEndpointInputs.Names;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>The outputs of a VPC endpoint: every input as the cloud reports it, plus the values only the cloud knows.</summary>
public sealed record VpcEndpointState : IPropertyModel<VpcEndpointState>, IDiffNormalised<VpcEndpointState>
{
    /// <summary>The input-shaped part of the outputs.</summary>
    public VpcEndpointInputs Settings { get; init; } = new();

    /// <summary><c>creating</c>, <c>pendingAcceptance</c>, <c>accepted</c>, <c>rejected</c>, <c>failed</c> or <c>deleting</c>.</summary>
    public Input<string> Status { get; init; }

    /// <summary>The endpoint's private IP address (interface endpoints, once accepted).</summary>
    public Input<string> Ip { get; init; }

    public Input<InputList<string>> DnsNames { get; init; }

    /// <summary>
    /// The connection's id on the service side (what the owner sees as <c>marker_id</c>): the cloud's JSON number as its
    /// digits, since up to 18 of them are more than a double (a Pulumi number) holds exactly.
    /// </summary>
    public Input<string> MarkerId { get; init; }

    /// <summary>The full name of the service the endpoint connects to.</summary>
    public Input<string> ServiceName { get; init; }

    public Input<string> ServiceType { get; init; }

    public Input<string> ProjectId { get; init; }

    public Input<string> CreatedAt { get; init; }

    public Input<string> UpdatedAt { get; init; }

    /// <summary>Why the endpoint is <c>failed</c>: the cloud's <c>error</c> entries (empty otherwise).</summary>
    public Input<InputList<CloudError>> Errors { get; init; }

    /// <summary><c>enable</c> or <c>disable</c>.</summary>
    public Input<string> EnableStatus { get; init; }

    /// <summary>The account's state as the endpoint sees it: <c>active</c>, or one of the <c>*_frozen</c> values.</summary>
    public Input<InputList<string>> ActiveStatus { get; init; }

    public Input<string> SpecificationName { get; init; }

    public static PropertyTable<VpcEndpointState> Properties { get; } = new PropertyTable<VpcEndpointState>()
        .Include(VpcEndpointInputs.Properties, s => s.Settings, (s, v) => s with { Settings = v })
        .Require(Names.EnableDns, Names.EnableWhitelist)
        .Add("status", Codec.String, s => s.Status, (s, v) => s with { Status = v }, PropertyFlags.Required)
        .Add("ip", Codec.String, s => s.Ip, (s, v) => s with { Ip = v })
        .Add("dnsNames", Codec.ListOf(Codec.String), s => s.DnsNames, (s, v) => s with { DnsNames = v })
        .Add("markerId", DigitsCodec.Instance, s => s.MarkerId, (s, v) => s with { MarkerId = v })
        .Add("serviceName", Codec.String, s => s.ServiceName, (s, v) => s with { ServiceName = v }, PropertyFlags.Required)
        .Add("serviceType", Codec.String, s => s.ServiceType, (s, v) => s with { ServiceType = v }, PropertyFlags.Required)
        .Add("projectId", Codec.String, s => s.ProjectId, (s, v) => s with { ProjectId = v }, PropertyFlags.Required)
        .Add("createdAt", Codec.String, s => s.CreatedAt, (s, v) => s with { CreatedAt = v }, PropertyFlags.Required)
        .Add("updatedAt", Codec.String, s => s.UpdatedAt, (s, v) => s with { UpdatedAt = v }, PropertyFlags.Required)
        .Add("errors", CloudError.ListCodec, s => s.Errors, (s, v) => s with { Errors = v })
        .Add("enableStatus", Codec.String, s => s.EnableStatus, (s, v) => s with { EnableStatus = v })
        .Add("activeStatus", Codec.ListOf(Codec.String), s => s.ActiveStatus, (s, v) => s with { ActiveStatus = v })
        .Add("specificationName", Codec.String, s => s.SpecificationName, (s, v) => s with { SpecificationName = v });

    public VpcEndpointState NormalisedForDiff() => this with { Settings = Settings.NormalisedForDiff() };
}
