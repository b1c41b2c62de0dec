using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using Names = Otc.Provider.Resources.VpcEndpointService.VpcEndpointServiceInputs.Names;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// The inputs of <c>otc:vpcep:VpcEndpointService</c>, one model for every call: Check and preview see unknown values in
/// it, Create and Update only known ones. Kept in the user's representation (enum case, port order, long or short name);
/// <see cref="NormalisedForDiff"/> and <see cref="AsCloudSpellsIt"/> give the other two forms. Optional values the user
/// left out stay absent, so the stored inputs keep the program's shape; the schema's defaults are applied by the host.
/// </summary>
public sealed record VpcEndpointServiceInputs :
    IPropertyModel<VpcEndpointServiceInputs>, ISelfChecking<VpcEndpointServiceInputs>, IDiffNormalised<VpcEndpointServiceInputs>
{
    public Input<string> PortId { get; init; }

    public Input<string> VpcId { get; init; }

    public Input<string> ServerType { get; init; }

    public Input<string> ServiceType { get; init; }

    public Input<string> PoolId { get; init; }

    /// <summary>The short name (or, as users may paste it, the full one); absent for an unnamed service.</summary>
    public Input<string> ServiceName { get; init; }

    public Input<bool> ApprovalEnabled { get; init; }

    public Input<InputList<PortMapping>> Ports { get; init; }

    public Input<string> TcpProxy { get; init; }

    public Input<string> Description { get; init; }

    public Input<InputMap<string>> Tags { get; init; }

    /// <summary>Domain ids or <c>*</c>, with or without the API's <c>iam:domain::</c> prefix.</summary>
    public Input<InputList<string>> Permissions { get; init; }

    public static PropertyTable<VpcEndpointServiceInputs> Properties { get; } = new PropertyTable<VpcEndpointServiceInputs>()
        .Add(Names.PortId, Codec.String, m => m.PortId, (m, v) => m with { PortId = v }, PropertyFlags.Required)
        .Add(Names.VpcId, Codec.String, m => m.VpcId, (m, v) => m with { VpcId = v }, PropertyFlags.Required)
        .Add(Names.ServerType, Codec.String, m => m.ServerType, (m, v) => m with { ServerType = v }, PropertyFlags.Required)
        .Add(Names.ServiceType, Codec.String, m => m.ServiceType, (m, v) => m with { ServiceType = v })
        // The API reference's create example sends no pool_id and answers one: the cloud fills it in.
        .Add(Names.PoolId, Codec.String, m => m.PoolId, (m, v) => m with { PoolId = v }, PropertyFlags.OptionalComputed)
        .Add(Names.ServiceName, Codec.String, m => m.ServiceName, (m, v) => m with { ServiceName = v })
        .Add(Names.ApprovalEnabled, Codec.Boolean, m => m.ApprovalEnabled, (m, v) => m with { ApprovalEnabled = v })
        .Add(Names.Ports, Codec.ListOf(Codec.Object<PortMapping>(PortMapping.TypeName)), m => m.Ports, (m, v) => m with { Ports = v }, PropertyFlags.Required)
        .Add(Names.TcpProxy, Codec.String, m => m.TcpProxy, (m, v) => m with { TcpProxy = v })
        .Add(Names.Description, Codec.String, m => m.Description, (m, v) => m with { Description = v })
        .Add(Names.Tags, Codec.MapOf(Codec.String), m => m.Tags, (m, v) => m with { Tags = v })
        .Add(Names.Permissions, Codec.ListOf(Codec.String), m => m.Permissions, (m, v) => m with { Permissions = v });

    /// <summary>The optional inputs the cloud reports for every service (those with a default), which the state therefore always has.</summary>
    public static readonly string[] AlwaysReported = [Names.ServiceType, Names.ApprovalEnabled, Names.TcpProxy];

    /// <summary>The whitelist as the set of bare ids it stands for (empty when left out).</summary>
    public IReadOnlyList<string> PermissionSet => VpcEndpointService.Permissions.ToSet(Permissions.ValueOrDefault?.Values ?? []);

    /// <summary>The tags (empty when left out).</summary>
    public IReadOnlyDictionary<string, string> TagMap => Tags.ValueOrDefault?.Values ?? new Dictionary<string, string>();

    /// <summary>The port mappings' values (known outside preview).</summary>
    public IReadOnlyList<PortMapping> PortList => Ports.ValueOrDefault?.Values ?? [];

    /// <summary>The API's rules beyond the schema's; the whitelist comes back as bare domain ids.</summary>
    public CheckResult<VpcEndpointServiceInputs> Check() => ServiceChecks.Check(this);

    /// <summary>
    /// One canonical form for comparison (never stored): ports and permissions as sorted sets, enums as the cloud spells
    /// them, the short service name, empty ids as absent, and an absent description, tag map or whitelist as an empty one.
    /// Two inputs that mean the same service are equal in this form; unknown values stay as they are.
    /// </summary>
    public VpcEndpointServiceInputs NormalisedForDiff()
    {
        var spelled = AsCloudSpellsIt();
        return spelled with
        {
            PortId = NullIfEmpty(spelled.PortId),
            VpcId = NullIfEmpty(spelled.VpcId),
            PoolId = NullIfEmpty(spelled.PoolId),
            Description = spelled.Description.OrWhenAbsent(""),
            Tags = spelled.Tags.OrWhenAbsent(InputMap<string>.Empty),
            Permissions = spelled.Permissions.IsAbsent ? InputList<string>.Empty : spelled.Permissions.Select(AsSet),
            Ports = spelled.Ports.Select(PortSet),
        };
    }

    /// <summary>The inputs spelled as the cloud reports them (enum case, short name, bare permission ids), for previews.</summary>
    public VpcEndpointServiceInputs AsCloudSpellsIt() => this with
    {
        ServerType = ServerType.Select(ServiceVocabulary.ServerTypes.CanonicalOrSelf),
        ServiceType = ServiceType.Select(ServiceVocabulary.ServiceTypes.CanonicalOrSelf),
        TcpProxy = TcpProxy.Select(ServiceVocabulary.TcpProxyModes.CanonicalOrSelf),
        ServiceName = ServiceName.Select(ServiceNames.ShortName),
        Permissions = Permissions.Select(list => new InputList<string>(list.Select(item => item.Select(VpcEndpointService.Permissions.ToDomainId)))),
        Ports = Ports.Select(list => new InputList<PortMapping>(list.Select(item => item.Select(port => port.Canonical())))),
    };

    private static Input<string> NullIfEmpty(Input<string> id) => id.TryGetValue(out var text) && text.Length == 0 ? Input<string>.Absent : id;

    private static InputList<string> AsSet(InputList<string> permissions) =>
        permissions.IsFullyKnown ? InputList<string>.Of(VpcEndpointService.Permissions.ToSet(permissions.Values)) : permissions;

    private static InputList<PortMapping> PortSet(InputList<PortMapping> ports) =>
        ports.IsFullyKnown && ports.Values.All(port => port.IsFullyKnown)
            ? InputList<PortMapping>.Of(ports.Values
                .DistinctBy(port => port.Key)
                .OrderBy(port => port.Key.Protocol, StringComparer.Ordinal)
                .ThenBy(port => port.Key.ClientPort)
                .ThenBy(port => port.Key.ServerPort))
            : ports;

    /// <summary>The property names, as the schema spells them.</summary>
    public static class Names
    {
        public const string PortId = "portId";
        public const string VpcId = "vpcId";
        public const string ServerType = "serverType";
        public const string ServiceType = "serviceType";
        public const string PoolId = "poolId";
        public const string ServiceName = "serviceName";
        public const string ApprovalEnabled = "approvalEnabled";
        public const string Ports = "ports";
        public const string TcpProxy = "tcpProxy";
        public const string Description = "description";
        public const string Tags = "tags";
        public const string Permissions = "permissions";
    }
}

/// <summary>The enum values and limits the VPCEP API sets for services, spelled the way the cloud reports them.</summary>
internal static class ServiceVocabulary
{
    public static readonly Vocabulary ServerTypes = new("LB", "VM", "VIP", "BMS");

    public static readonly Vocabulary ServiceTypes = new("interface", "gateway");

    public static readonly Vocabulary TcpProxyModes = new("close", "toa_open", "proxy_open", "open", "proxy_vni");

    public static readonly Vocabulary Protocols = new("TCP");

    /// <summary>Users can create interface services only; gateway services are OTC's.</summary>
    public const string CreatableServiceType = "interface";

    /// <summary>What a service the cloud reports without these fields has (the schema's defaults for the inputs).</summary>
    public const string DefaultServiceType = "interface";
    public const string DefaultTcpProxy = "close";
    public const string DefaultProtocol = "TCP";

    public const int MinPort = 1;
    public const int MaxPort = 65535;
    public const int MaxPortMappings = 200;
}
