using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Resources.VpcEndpointApproval;

/// <summary>The inputs: the service, and the endpoints whose connections it accepts (a set; the order is the user's).</summary>
public sealed record VpcEndpointApprovalInputs :
    IPropertyModel<VpcEndpointApprovalInputs>, ISelfChecking<VpcEndpointApprovalInputs>, IDiffNormalised<VpcEndpointApprovalInputs>
{
    public const string ServiceIdName = "serviceId";
    public const string EndpointIdsName = "endpointIds";

    public Input<string> ServiceId { get; init; }

    public Input<InputList<string>> EndpointIds { get; init; }

    public static PropertyTable<VpcEndpointApprovalInputs> Properties { get; } = new PropertyTable<VpcEndpointApprovalInputs>()
        .Add(ServiceIdName, Codec.String, m => m.ServiceId, (m, v) => m with { ServiceId = v }, PropertyFlags.Required)
        .Add(EndpointIdsName, Codec.ListOf(Codec.String), m => m.EndpointIds, (m, v) => m with { EndpointIds = v }, PropertyFlags.Required);

    /// <summary>The listed endpoint ids (known outside preview; none when left out).</summary>
    public IReadOnlyList<string> EndpointIdList => EndpointIds.ValueOrDefault?.Values ?? [];

    /// <summary>A service id, and endpoint ids that are not blank, each listed once.</summary>
    public CheckResult<VpcEndpointApprovalInputs> Check()
    {
        var failures = new List<CheckFailure>();
        InputRules.NotBlank(ServiceId, ServiceIdName, failures);
        InputRules.EachEntry(EndpointIds, EndpointIdsName, id => !string.IsNullOrWhiteSpace(id), "an endpoint id", failures);
        InputRules.NoRepeats(EndpointIds, EndpointIdsName, id => $"endpoint {id} is listed twice; list each endpoint once", failures);
        return new CheckResult<VpcEndpointApprovalInputs>(this, failures);
    }

    /// <summary>For comparison only: the endpoint ids as a sorted set.</summary>
    public VpcEndpointApprovalInputs NormalisedForDiff() => this with
    {
        EndpointIds = EndpointIds.Select(ids => ids.IsFullyKnown ? InputList<string>.Of(ids.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) : ids),
    };
}
