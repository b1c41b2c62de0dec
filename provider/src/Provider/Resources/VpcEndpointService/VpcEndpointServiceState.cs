using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// The outputs of a VPC endpoint service: every input as the cloud reports it (same shape as the inputs, short service
/// name, bare permission ids), plus the values only the cloud knows.
/// </summary>
public sealed record VpcEndpointServiceState : IPropertyModel<VpcEndpointServiceState>, IDiffNormalised<VpcEndpointServiceState>
{
    /// <summary>The input-shaped part of the outputs.</summary>
    public VpcEndpointServiceInputs Settings { get; init; } = new();

    /// <summary><c>creating</c>, <c>available</c>, <c>failed</c> or <c>deleting</c>.</summary>
    public Input<string> Status { get; init; }

    /// <summary><c>{region}.{name}.{id}</c>: what consumers use to find the service.</summary>
    public Input<string> FullServiceName { get; init; }

    public Input<string> CreatedAt { get; init; }

    public Input<string> UpdatedAt { get; init; }

    public Input<string> ProjectId { get; init; }

    /// <summary>Why the service is <c>failed</c>: the cloud's <c>error</c> entries (empty otherwise).</summary>
    public Input<InputList<CloudError>> Errors { get; init; }

    /// <summary>
    /// How many endpoints are connected, as the list API counts them (<c>connection_count</c>, documented on list items
    /// only): 0 at creation, read again by every refresh, kept by updates (which do not change connections).
    /// </summary>
    public Input<long> ConnectionCount { get; init; }

    public static PropertyTable<VpcEndpointServiceState> Properties { get; } = new PropertyTable<VpcEndpointServiceState>()
        .Include(VpcEndpointServiceInputs.Properties, s => s.Settings, (s, v) => s with { Settings = v })
        .Require(VpcEndpointServiceInputs.AlwaysReported)
        .Add("status", Codec.String, s => s.Status, (s, v) => s with { Status = v }, PropertyFlags.Required)
        .Add("fullServiceName", Codec.String, s => s.FullServiceName, (s, v) => s with { FullServiceName = v }, PropertyFlags.Required)
        .Add("createdAt", Codec.String, s => s.CreatedAt, (s, v) => s with { CreatedAt = v }, PropertyFlags.Required)
        .Add("updatedAt", Codec.String, s => s.UpdatedAt, (s, v) => s with { UpdatedAt = v }, PropertyFlags.Required)
        .Add("projectId", Codec.String, s => s.ProjectId, (s, v) => s with { ProjectId = v }, PropertyFlags.Required)
        .Add("errors", CloudError.ListCodec, s => s.Errors, (s, v) => s with { Errors = v })
        .Add("connectionCount", Codec.Integer, s => s.ConnectionCount, (s, v) => s with { ConnectionCount = v });

    public VpcEndpointServiceState NormalisedForDiff() => this with { Settings = Settings.NormalisedForDiff() };
}
