using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using Names = Otc.Provider.Resources.VpcEndpoint.EndpointProperties;
using Vocabulary = Otc.Provider.Resources.VpcEndpoint.EndpointVocabulary;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>
/// Check for <c>otc:vpcep:VpcEndpoint</c>: the API's rules that need no cloud call (one failure per bad property),
/// the defaults, and the program's representation otherwise. Whether the service is an interface or a gateway service
/// is only known to the cloud, so the rules that depend on it (an interface endpoint needs <c>subnetId</c>) are checked
/// by Create before anything is created.
/// </summary>
internal static class EndpointInputValidator
{
    public static CheckResult Check(PropertyMap news)
    {
        var failures = new List<CheckFailure>();
        InputRules.OnlyInputs(news, Names.InputSet, "VpcEndpoint", failures);
        InputRules.RequiredString(news, Names.ServiceId, failures);
        InputRules.RequiredString(news, Names.VpcId, failures);
        InputRules.OptionalString(news, Names.SubnetId, failures);
        CheckPortIp(news, failures);
        InputRules.OptionalBoolean(news, Names.EnableDns, failures);
        InputRules.OptionalBoolean(news, Names.EnableWhitelist, failures);
        InputRules.StringList(news, Names.Whitelist, Vocabulary.IsIpv4OrCidr, "an IPv4 address or CIDR block (e.g. 10.0.0.8 or 10.0.0.0/24)", failures);
        InputRules.StringList(news, Names.RouteTables, id => !string.IsNullOrWhiteSpace(id), "a route table id", failures);
        CheckOneKindOfService(news, failures);
        InputRules.Description(news, Names.Description, failures);
        InputRules.Tags(news, Names.Tags, failures);

        var inputs = InputRules.WithDefault(news, Names.EnableDns, PropertyValue.From(Vocabulary.DefaultEnableDns));
        inputs = InputRules.WithDefault(inputs, Names.EnableWhitelist, PropertyValue.From(Vocabulary.DefaultEnableWhitelist));
        return new CheckResult(inputs, failures);
    }

    /// <summary>An IPv4 address, outside the range VPCEP keeps for itself.</summary>
    private static void CheckPortIp(PropertyMap news, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(Names.PortIp);
        if (value.IsNull || value.IsUnknown)
        {
            return;
        }

        if (!value.TryGetString(out var text) || !Vocabulary.IsIpv4(text))
        {
            failures.Add(new CheckFailure(Names.PortIp, $"'{Names.PortIp}' must be an IPv4 address (the API supports only IPv4), got {value}"));
        }
        else if (Vocabulary.IsInReservedRange(text))
        {
            failures.Add(new CheckFailure(Names.PortIp,
                $"'{Names.PortIp}' {text} lies in {Vocabulary.ReservedRange}, which VPCEP reserves: the endpoint's subnet must not overlap it"));
        }
    }

    /// <summary>
    /// routeTables are for gateway services; subnetId, portIp and the whitelist for interface services. An endpoint
    /// connects to one service, so it cannot have both kinds of settings.
    /// </summary>
    private static void CheckOneKindOfService(PropertyMap news, List<CheckFailure> failures)
    {
        if (!IsSet(news, Names.RouteTables))
        {
            return;
        }

        var interfaceOnly = new[] { Names.SubnetId, Names.PortIp, Names.Whitelist }.Where(key => IsSet(news, key))
            .Concat(news.GetOrNull(Names.EnableWhitelist).TryGetBool(out var enabled) && enabled ? [Names.EnableWhitelist] : [])
            .ToList();
        if (interfaceOnly.Count > 0)
        {
            failures.Add(new CheckFailure(Names.RouteTables,
                $"'{Names.RouteTables}' is only for gateway services, and {string.Join(", ", interfaceOnly.Select(key => $"'{key}'"))} only for interface services; "
                + "an endpoint connects to one service, so set one kind"));
        }
    }

    private static bool IsSet(PropertyMap news, string key)
    {
        var value = news.GetOrNull(key);
        return !value.IsNull && !(value.TryGetArray(out var items) && items.Length == 0);
    }
}
