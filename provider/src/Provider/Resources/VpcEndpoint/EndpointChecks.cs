using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using Names = Otc.Provider.Resources.VpcEndpoint.VpcEndpointInputs.Names;
using Vocabulary = Otc.Provider.Resources.VpcEndpoint.EndpointVocabulary;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>
/// The API's rules for an endpoint's inputs that need no cloud call, beyond the schema's (one failure per bad value).
/// Whether the service is an interface or a gateway service is only known to the cloud, so the rules that depend on it
/// (an interface endpoint needs <c>subnetId</c>) are checked by Create before anything is created.
/// </summary>
internal static class EndpointChecks
{
    public static CheckResult<VpcEndpointInputs> Check(VpcEndpointInputs inputs)
    {
        var failures = new List<CheckFailure>();
        InputRules.NotBlank(inputs.ServiceId, Names.ServiceId, failures);
        InputRules.NotBlank(inputs.VpcId, Names.VpcId, failures);
        CheckPortIp(inputs.PortIp, failures);
        InputRules.EachEntry(inputs.Whitelist, Names.Whitelist, Vocabulary.IsIpv4OrCidr, "an IPv4 address or CIDR block (e.g. 10.0.0.8 or 10.0.0.0/24)", failures);
        InputRules.EachEntry(inputs.RouteTables, Names.RouteTables, id => !string.IsNullOrWhiteSpace(id), "a route table id", failures);
        CheckPolicy(inputs.PolicyStatements, failures);
        CheckOneKindOfService(inputs, failures);
        InputRules.Description(inputs.Description, Names.Description, failures);
        InputRules.Tags(inputs.Tags, Names.Tags, failures);
        return new CheckResult<VpcEndpointInputs>(inputs, failures);
    }

    /// <summary>An IPv4 address, outside the range VPCEP keeps for itself.</summary>
    private static void CheckPortIp(Input<string> portIp, List<CheckFailure> failures)
    {
        if (!portIp.TryGetValue(out var text))
        {
            return;
        }

        if (!Vocabulary.IsIpv4(text))
        {
            failures.Add(new CheckFailure(Names.PortIp, $"'{Names.PortIp}' must be an IPv4 address (the API supports only IPv4), got {InputRules.Shown(portIp)}"));
        }
        else if (Vocabulary.IsInReservedRange(text))
        {
            failures.Add(new CheckFailure(Names.PortIp,
                $"'{Names.PortIp}' {text} lies in {Vocabulary.ReservedRange}, which VPCEP reserves: the endpoint's subnet must not overlap it"));
        }
    }

    /// <summary>
    /// The documented policy: 0-10 statements (eu-de API reference, <c>creating_a_vpc_endpoint.rst</c>, Table 4), each
    /// with an effect of Allow or Deny and at least one action and one resource (all three are mandatory).
    /// </summary>
    private static void CheckPolicy(Input<InputList<PolicyStatement>> policy, List<CheckFailure> failures)
    {
        if (!policy.TryGetValue(out var statements))
        {
            return;
        }

        if (statements.Count > VpcepLimits.MaxPolicyStatements)
        {
            failures.Add(new CheckFailure(Names.PolicyStatements,
                $"'{Names.PolicyStatements}' takes at most {VpcepLimits.MaxPolicyStatements} statements (the API's limit), got {statements.Count}"));
        }

        for (var index = 0; index < statements.Count; index++)
        {
            if (!statements[index].TryGetValue(out var statement))
            {
                continue;
            }

            var path = $"{Names.PolicyStatements}[{index}]";
            InputRules.OneOf(statement.Effect, $"{path}.{PolicyStatement.EffectName}", PolicyStatement.Effects, failures);
            NotEmpty(statement.Actions, $"{path}.{PolicyStatement.ActionsName}", "an OBS action (e.g. obs:object:GetObject)", failures);
            NotEmpty(statement.Resources, $"{path}.{PolicyStatement.ResourcesName}", "an OBS bucket or object (e.g. obs:*:*:bucket:my-bucket)", failures);
        }
    }

    /// <summary>At least one entry, none of them blank.</summary>
    private static void NotEmpty(Input<InputList<string>> list, string key, string what, List<CheckFailure> failures)
    {
        if (list.TryGetValue(out var items) && items.Count == 0)
        {
            failures.Add(new CheckFailure(key, $"'{key}' must name at least one {what}"));
            return;
        }

        InputRules.EachEntry(list, key, entry => !string.IsNullOrWhiteSpace(entry), what, failures);
    }

    /// <summary>
    /// routeTables and policyStatements are for gateway services; subnetId, portIp and the whitelist for interface
    /// services. An endpoint connects to one service, so it cannot have both kinds of settings.
    /// </summary>
    private static void CheckOneKindOfService(VpcEndpointInputs inputs, List<CheckFailure> failures)
    {
        var gatewayOnly = new (string Key, bool IsSet)[]
            {
                (Names.RouteTables, IsSet(inputs.RouteTables)),
                (Names.PolicyStatements, !inputs.PolicyStatements.IsAbsent),
            }
            .Where(setting => setting.IsSet)
            .Select(setting => setting.Key)
            .ToList();
        if (gatewayOnly.Count == 0)
        {
            return;
        }

        var interfaceOnly = new (string Key, bool IsSet)[]
            {
                (Names.SubnetId, !inputs.SubnetId.IsAbsent),
                (Names.PortIp, !inputs.PortIp.IsAbsent),
                (Names.Whitelist, IsSet(inputs.Whitelist)),
                (Names.EnableWhitelist, inputs.EnableWhitelist.ValueOr(false)),
            }
            .Where(setting => setting.IsSet)
            .Select(setting => setting.Key)
            .ToList();
        if (interfaceOnly.Count > 0)
        {
            var gateway = string.Join(" and ", gatewayOnly.Select(key => $"'{key}'"));
            failures.Add(new CheckFailure(gatewayOnly[0],
                $"{gateway} {(gatewayOnly.Count == 1 ? "is" : "are")} only for gateway services, and {string.Join(", ", interfaceOnly.Select(key => $"'{key}'"))} only for interface services; "
                + "an endpoint connects to one service, so set one kind"));
        }
    }

    private static bool IsSet(Input<InputList<string>> list) => !list.IsAbsent && !(list.TryGetValue(out var items) && items.Count == 0);
}
