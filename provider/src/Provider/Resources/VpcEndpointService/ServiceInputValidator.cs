using System.Text.RegularExpressions;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using Names = Otc.Provider.Resources.VpcEndpointService.ServiceProperties;
using Vocabulary = Otc.Provider.Resources.VpcEndpointService.ServiceVocabulary;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// Check for <c>otc:vpcep:VpcEndpointService</c>: validates every rule of the API up front (one failure per bad
/// property), applies the defaults, and otherwise keeps the program's representation. Unknown values (preview) are skipped.
/// </summary>
internal static partial class ServiceInputValidator
{
    private const int MaxServiceNameLength = 16;
    private const int MaxDomainIdLength = 64;

    public static CheckResult Check(PropertyMap news)
    {
        var failures = new List<CheckFailure>();
        var inputs = news;

        InputRules.OnlyInputs(news, Names.InputSet, "VpcEndpointService", failures);
        InputRules.RequiredString(news, Names.PortId, failures);
        InputRules.RequiredString(news, Names.VpcId, failures);
        CheckEnum(news, Names.ServerType, Vocabulary.ServerTypes, required: true, failures);
        CheckServiceType(news, failures);
        InputRules.OptionalString(news, Names.PoolId, failures);
        CheckServiceName(news, failures);
        InputRules.OptionalBoolean(news, Names.ApprovalEnabled, failures);
        inputs = CheckPorts(news, inputs, failures);
        CheckEnum(news, Names.TcpProxy, Vocabulary.TcpProxyModes, required: false, failures);
        InputRules.Description(news, Names.Description, failures);
        InputRules.Tags(news, Names.Tags, failures);
        inputs = CheckPermissions(news, inputs, failures);

        inputs = InputRules.WithDefault(inputs, Names.ApprovalEnabled, PropertyValue.From(Vocabulary.DefaultApprovalEnabled));
        inputs = InputRules.WithDefault(inputs, Names.TcpProxy, PropertyValue.From(Vocabulary.DefaultTcpProxy));
        inputs = InputRules.WithDefault(inputs, Names.ServiceType, PropertyValue.From(Vocabulary.DefaultServiceType));
        return new CheckResult(inputs, failures);
    }

    private static void CheckEnum(PropertyMap news, string key, IReadOnlyList<string> allowed, bool required, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(key);
        if (value.IsUnknown || (value.IsNull && !required))
        {
            return;
        }

        if (value.IsNull)
        {
            failures.Add(new CheckFailure(key, $"missing required property '{key}' (one of {string.Join(", ", allowed)})"));
        }
        else if (!value.TryGetString(out var text) || Vocabulary.Canonical(text, allowed) is null)
        {
            failures.Add(new CheckFailure(key, $"'{key}' must be one of {string.Join(", ", allowed)} (case-insensitive), got {value}"));
        }
    }

    private static void CheckServiceType(PropertyMap news, List<CheckFailure> failures)
    {
        var before = failures.Count;
        CheckEnum(news, Names.ServiceType, Vocabulary.ServiceTypes, required: false, failures);
        if (failures.Count == before
            && news.GetOrNull(Names.ServiceType).TryGetString(out var text)
            && !Vocabulary.SameIgnoringCase(text, Vocabulary.CreatableServiceType))
        {
            failures.Add(new CheckFailure(Names.ServiceType, $"'{Names.ServiceType}' must be '{Vocabulary.CreatableServiceType}': users can only create interface services, got \"{text}\""));
        }
    }

    private static void CheckServiceName(PropertyMap news, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(Names.ServiceName);
        if (value.IsNull || value.IsUnknown)
        {
            return;
        }

        if (!value.TryGetString(out var name) || !ServiceNamePattern().IsMatch(name))
        {
            failures.Add(new CheckFailure(Names.ServiceName,
                $"'{Names.ServiceName}' must be 1-{MaxServiceNameLength} characters of A-Z, a-z, 0-9, '_' and '-', got {value}"));
        }
    }

    private static PropertyMap CheckPorts(PropertyMap news, PropertyMap inputs, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(Names.Ports);
        if (value.IsUnknown)
        {
            return inputs;
        }

        if (value.IsNull)
        {
            failures.Add(new CheckFailure(Names.Ports, $"missing required property '{Names.Ports}' (1-{Vocabulary.MaxPortMappings} port mappings)"));
            return inputs;
        }

        if (!value.TryGetArray(out var items))
        {
            failures.Add(new CheckFailure(Names.Ports, $"'{Names.Ports}' must be a list of port mappings"));
            return inputs;
        }

        if (items.Length is 0 or > Vocabulary.MaxPortMappings)
        {
            failures.Add(new CheckFailure(Names.Ports, $"'{Names.Ports}' must hold 1-{Vocabulary.MaxPortMappings} port mappings, got {items.Length}"));
        }

        var seen = new Dictionary<(string, int, int), int>();
        var withDefaults = new List<PropertyValue>(items.Length);
        for (var index = 0; index < items.Length; index++)
        {
            var path = $"{Names.Ports}[{index}]";
            var mapping = CheckPort(items[index], path, failures, out var key);
            withDefaults.Add(mapping);
            if (key is { } known)
            {
                if (seen.TryGetValue(known, out var first))
                {
                    failures.Add(new CheckFailure(path,
                        $"duplicate port mapping {known.Item1} {known.Item2}->{known.Item3}: same as {Names.Ports}[{first}]; each mapping may appear once"));
                }
                else
                {
                    seen[known] = index;
                }
            }
        }

        return inputs.With(Names.Ports, PropertyValue.From(withDefaults).WithSecret(value.IsSecret));
    }

    /// <summary>Validates one mapping and returns it with the protocol default applied; <paramref name="key"/> is set when fully known and valid.</summary>
    private static PropertyValue CheckPort(PropertyValue item, string path, List<CheckFailure> failures, out (string, int, int)? key)
    {
        key = null;
        if (item.IsUnknown)
        {
            return item;
        }

        if (!item.TryGetObject(out var fields))
        {
            failures.Add(new CheckFailure(path, $"'{path}' must be an object with clientPort, serverPort and protocol"));
            return item;
        }

        var valid = true;
        foreach (var unexpected in fields.Keys.Where(k => k is not (Names.ClientPort or Names.ServerPort or Names.Protocol)))
        {
            failures.Add(new CheckFailure($"{path}.{unexpected}", $"'{unexpected}' is not a field of a port mapping"));
            valid = false;
        }

        var clientPort = CheckPortNumber(fields, Names.ClientPort, path, failures);
        var serverPort = CheckPortNumber(fields, Names.ServerPort, path, failures);
        var protocolValue = fields.GetOrNull(Names.Protocol);
        string? protocol = Vocabulary.DefaultProtocol;
        if (protocolValue.IsUnknown)
        {
            protocol = null;
        }
        else if (!protocolValue.IsNull)
        {
            protocol = protocolValue.TryGetString(out var text) ? Vocabulary.Canonical(text, Vocabulary.Protocols) : null;
            if (protocol is null)
            {
                failures.Add(new CheckFailure($"{path}.{Names.Protocol}",
                    $"'{Names.Protocol}' must be one of {string.Join(", ", Vocabulary.Protocols)}: the VPCEP API supports TCP only, got {protocolValue}"));
                valid = false;
            }
        }

        if (valid && clientPort is { } client && serverPort is { } server && protocol is not null)
        {
            key = (protocol, client, server);
        }

        return protocolValue.IsNull
            ? PropertyValue.From(fields.With(Names.Protocol, PropertyValue.From(Vocabulary.DefaultProtocol))).WithSecret(item.IsSecret)
            : item;
    }

    private static int? CheckPortNumber(PropertyMap fields, string field, string path, List<CheckFailure> failures)
    {
        var value = fields.GetOrNull(field);
        if (value.IsUnknown)
        {
            return null;
        }

        if (value.IsNull)
        {
            failures.Add(new CheckFailure($"{path}.{field}", $"missing required property '{field}' ({Vocabulary.MinPort}-{Vocabulary.MaxPort})"));
            return null;
        }

        if (!value.TryGetNumber(out var number) || number != Math.Floor(number) || number < Vocabulary.MinPort || number > Vocabulary.MaxPort)
        {
            failures.Add(new CheckFailure($"{path}.{field}", $"'{field}' must be an integer port in {Vocabulary.MinPort}-{Vocabulary.MaxPort}, got {value}"));
            return null;
        }

        return (int)number;
    }

    private static PropertyMap CheckPermissions(PropertyMap news, PropertyMap inputs, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(Names.Permissions);
        if (value.IsNull || value.IsUnknown)
        {
            return inputs;
        }

        if (!value.TryGetArray(out var items))
        {
            failures.Add(new CheckFailure(Names.Permissions, $"'{Names.Permissions}' must be a list of domain ids"));
            return inputs;
        }

        var normalised = new List<PropertyValue>(items.Length);
        for (var index = 0; index < items.Length; index++)
        {
            var item = items[index];
            if (item.IsUnknown)
            {
                normalised.Add(item);
                continue;
            }

            if (!item.TryGetString(out var text) || !DomainIdPattern().IsMatch(Permissions.ToDomainId(text)))
            {
                failures.Add(new CheckFailure($"{Names.Permissions}[{index}]",
                    $"a permission must be a domain id (1-{MaxDomainIdLength} of letters, digits and '*', optionally prefixed '{Permissions.DomainPrefix}') or '*', got {item}"));
                normalised.Add(item);
                continue;
            }

            normalised.Add(PropertyValue.From(Permissions.ToDomainId(text)).WithSecret(item.IsSecret));
        }

        return inputs.With(Names.Permissions, PropertyValue.From(normalised).WithSecret(value.IsSecret));
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,16}\z")]
    private static partial Regex ServiceNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9*]{1,64}\z")]
    private static partial Regex DomainIdPattern();
}
