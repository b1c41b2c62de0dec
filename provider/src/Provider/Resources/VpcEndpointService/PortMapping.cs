using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using Names = Otc.Provider.Resources.VpcEndpointService.ServiceProperties;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>One port mapping (<c>otc:vpcep:PortMapping</c>): the endpoint-side port to the backend port.</summary>
public sealed record PortMapping(int ClientPort, int ServerPort, string Protocol = ServiceVocabulary.DefaultProtocol)
{
    /// <summary>What identifies a mapping in the set of a service's mappings: protocol (any case), client port, server port.</summary>
    public (string Protocol, int ClientPort, int ServerPort) Key =>
        (ServiceVocabulary.CanonicalOrSelf(Protocol, ServiceVocabulary.Protocols), ClientPort, ServerPort);

    /// <summary>The same mapping spelled the way the cloud reports it.</summary>
    public PortMapping Canonical() => this with { Protocol = Key.Protocol };

    public PropertyValue ToProperty() => PropertyValue.From(PropertyMap.From(
    [
        KeyValuePair.Create(Names.ClientPort, PropertyValue.From(ClientPort)),
        KeyValuePair.Create(Names.ServerPort, PropertyValue.From(ServerPort)),
        KeyValuePair.Create(Names.Protocol, PropertyValue.From(Protocol)),
    ]));

    public static PortMapping FromProperty(PropertyValue value, string path)
    {
        if (!value.TryGetObject(out var fields))
        {
            throw new PropertyDecodeException(path, "must be an object");
        }

        return new PortMapping(
            PropertyDecoding.Integer(fields.GetOrNull(Names.ClientPort), $"{path}.{Names.ClientPort}"),
            PropertyDecoding.Integer(fields.GetOrNull(Names.ServerPort), $"{path}.{Names.ServerPort}"),
            PropertyDecoding.OptionalString(fields, Names.Protocol) ?? ServiceVocabulary.DefaultProtocol);
    }

    /// <summary>True when both lists hold the same mappings, in any order.</summary>
    public static bool SameSet(IEnumerable<PortMapping> left, IEnumerable<PortMapping> right) =>
        left.Select(p => p.Key).ToHashSet().SetEquals(right.Select(p => p.Key));
}
