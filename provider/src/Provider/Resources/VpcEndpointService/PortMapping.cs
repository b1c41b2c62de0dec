using Otc.ProviderHost.Models;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// One port mapping (<c>otc:vpcep:PortMapping</c>): the endpoint-side port to the backend port. The one place a mapping
/// is read from and written to property values; its fields may be unknown during preview.
/// </summary>
public sealed record PortMapping : IPropertyModel<PortMapping>
{
    public const string TypeName = "PortMapping";
    public const string ClientPortName = "clientPort";
    public const string ServerPortName = "serverPort";
    public const string ProtocolName = "protocol";

    public PortMapping()
    {
    }

    public PortMapping(long clientPort, long serverPort, string protocol = ServiceVocabulary.DefaultProtocol)
    {
        ClientPort = clientPort;
        ServerPort = serverPort;
        Protocol = protocol;
    }

    public Input<long> ClientPort { get; init; }

    public Input<long> ServerPort { get; init; }

    public Input<string> Protocol { get; init; }

    public static PropertyTable<PortMapping> Properties { get; } = new PropertyTable<PortMapping>()
        .Add(ClientPortName, Codec.Integer, m => m.ClientPort, (m, v) => m with { ClientPort = v }, PropertyFlags.Required)
        .Add(ServerPortName, Codec.Integer, m => m.ServerPort, (m, v) => m with { ServerPort = v }, PropertyFlags.Required)
        .Add(ProtocolName, Codec.String, m => m.Protocol, (m, v) => m with { Protocol = v });

    public bool IsFullyKnown => ClientPort.IsKnown && ServerPort.IsKnown && Protocol.IsKnown;

    /// <summary>What identifies a mapping among a service's mappings: protocol (any case), client port, server port. Known mappings only.</summary>
    public (string Protocol, long ClientPort, long ServerPort) Key =>
        (ServiceVocabulary.Protocols.CanonicalOrSelf(Protocol.ValueOr(ServiceVocabulary.DefaultProtocol)), ClientPort.Value, ServerPort.Value);

    /// <summary>What the cloud keeps unique across services on one port: the backend side of the mapping (server port and protocol known).</summary>
    public (long ServerPort, string Protocol) Backend => (ServerPort.Value, ServiceVocabulary.Protocols.CanonicalOrSelf(Protocol.Value));

    /// <summary>The same mapping spelled the way the cloud reports it.</summary>
    public PortMapping Canonical() => this with { Protocol = Protocol.Select(ServiceVocabulary.Protocols.CanonicalOrSelf) };

    /// <summary>True when both lists hold the same mappings, in any order.</summary>
    public static bool SameSet(IEnumerable<PortMapping> left, IEnumerable<PortMapping> right) =>
        left.Select(p => p.Key).ToHashSet().SetEquals(right.Select(p => p.Key));
}
