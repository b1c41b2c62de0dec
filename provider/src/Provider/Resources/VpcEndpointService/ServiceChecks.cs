using System.Text.RegularExpressions;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using Names = Otc.Provider.Resources.VpcEndpointService.VpcEndpointServiceInputs.Names;
using Vocabulary = Otc.Provider.Resources.VpcEndpointService.ServiceVocabulary;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// The API's rules for a service's inputs, beyond the schema's types and requiredness (which the host checks): one
/// failure per bad value. The whitelist comes back as bare domain ids; everything else keeps the program's representation.
/// </summary>
internal static partial class ServiceChecks
{
    private const int MaxServiceNameLength = 16;
    private const int MaxDomainIdLength = 64;

    public static CheckResult<VpcEndpointServiceInputs> Check(VpcEndpointServiceInputs inputs)
    {
        var failures = new List<CheckFailure>();
        InputRules.NotBlank(inputs.PortId, Names.PortId, failures);
        InputRules.NotBlank(inputs.VpcId, Names.VpcId, failures);
        InputRules.OneOf(inputs.ServerType, Names.ServerType, Vocabulary.ServerTypes, failures);
        CheckServiceType(inputs.ServiceType, failures);
        CheckServiceName(inputs.ServiceName, failures);
        CheckPorts(inputs.Ports, failures);
        InputRules.OneOf(inputs.TcpProxy, Names.TcpProxy, Vocabulary.TcpProxyModes, failures);
        InputRules.Description(inputs.Description, Names.Description, failures);
        InputRules.Tags(inputs.Tags, Names.Tags, failures);
        InputRules.EachEntry(
            inputs.Permissions,
            Names.Permissions,
            IsPermission,
            shown => $"a permission must be a domain id (1-{MaxDomainIdLength} of letters, digits and '*', optionally prefixed '{Permissions.DomainPrefix}') or '*', got {shown}",
            failures);
        return new CheckResult<VpcEndpointServiceInputs>(inputs with { Permissions = BareIds(inputs.Permissions) }, failures);
    }

    private static void CheckServiceType(Input<string> serviceType, List<CheckFailure> failures)
    {
        var before = failures.Count;
        InputRules.OneOf(serviceType, Names.ServiceType, Vocabulary.ServiceTypes, failures);
        if (failures.Count == before && serviceType.TryGetValue(out var text)
            && !string.Equals(text, Vocabulary.CreatableServiceType, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add(new CheckFailure(Names.ServiceType,
                $"'{Names.ServiceType}' must be '{Vocabulary.CreatableServiceType}': users can only create interface services, got \"{text}\""));
        }
    }

    private static void CheckServiceName(Input<string> serviceName, List<CheckFailure> failures)
    {
        if (serviceName.TryGetValue(out var name) && !ServiceNamePattern().IsMatch(name))
        {
            failures.Add(new CheckFailure(Names.ServiceName,
                $"'{Names.ServiceName}' must be 1-{MaxServiceNameLength} characters of A-Z, a-z, 0-9, '_' and '-', got {InputRules.Shown(serviceName)}"));
        }
    }

    private static void CheckPorts(Input<InputList<PortMapping>> ports, List<CheckFailure> failures)
    {
        if (!ports.TryGetValue(out var items))
        {
            return;
        }

        if (items.Count is 0 or > Vocabulary.MaxPortMappings)
        {
            failures.Add(new CheckFailure(Names.Ports, $"'{Names.Ports}' must hold 1-{Vocabulary.MaxPortMappings} port mappings, got {items.Count}"));
        }

        var seen = new Dictionary<(string, long, long), int>();
        for (var index = 0; index < items.Count; index++)
        {
            var path = PropertyPath.Item(Names.Ports, index);
            if (!items[index].TryGetValue(out var mapping) || !CheckPort(mapping, path, failures) || !mapping.IsFullyKnown)
            {
                continue;
            }

            if (seen.TryGetValue(mapping.Key, out var first))
            {
                var (protocol, client, server) = mapping.Key;
                failures.Add(new CheckFailure(path,
                    $"duplicate port mapping {protocol} {client}->{server}: same as {PropertyPath.Item(Names.Ports, first)}; each mapping may appear once"));
            }
            else
            {
                seen[mapping.Key] = index;
            }
        }
    }

    /// <summary>The port numbers and the protocol of one mapping; false when one of them is bad.</summary>
    private static bool CheckPort(PortMapping mapping, string path, List<CheckFailure> failures)
    {
        var before = failures.Count;
        CheckPortNumber(mapping.ClientPort, PortMapping.ClientPortName, path, failures);
        CheckPortNumber(mapping.ServerPort, PortMapping.ServerPortName, path, failures);
        InputRules.OneOf(mapping.Protocol, PropertyPath.Child(path, PortMapping.ProtocolName), Vocabulary.Protocols, failures, "the VPCEP API supports TCP only");
        return failures.Count == before;
    }

    private static void CheckPortNumber(Input<long> port, string field, string path, List<CheckFailure> failures)
    {
        if (port.TryGetValue(out var number) && number is < Vocabulary.MinPort or > Vocabulary.MaxPort)
        {
            failures.Add(new CheckFailure(PropertyPath.Child(path, field), $"'{field}' must be an integer port in {Vocabulary.MinPort}-{Vocabulary.MaxPort}, got {number}"));
        }
    }

    private static bool IsPermission(string permission) => DomainIdPattern().IsMatch(Permissions.ToDomainId(permission));

    /// <summary>The whitelist with the API's prefix removed from every known entry; secretness stays.</summary>
    private static Input<InputList<string>> BareIds(Input<InputList<string>> permissions) =>
        permissions.Select(items => new InputList<string>(items.Select(item => item.Select(Permissions.ToDomainId))));

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,16}\z")]
    private static partial Regex ServiceNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9*]{1,64}\z")]
    private static partial Regex DomainIdPattern();
}
