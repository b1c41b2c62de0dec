using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using Names = Otc.Provider.Resources.VpcEndpoint.VpcEndpointInputs.Names;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>
/// The inputs of <c>otc:vpcep:VpcEndpoint</c>, one model for every call, in the user's representation (list order as
/// written). Optional values stay absent when the user left them out, so the stored inputs keep the program's shape.
/// </summary>
public sealed record VpcEndpointInputs : IPropertyModel<VpcEndpointInputs>, ISelfChecking<VpcEndpointInputs>, IDiffNormalised<VpcEndpointInputs>
{
    public Input<string> ServiceId { get; init; }

    public Input<string> VpcId { get; init; }

    /// <summary>Interface endpoints only.</summary>
    public Input<string> SubnetId { get; init; }

    public Input<string> PortIp { get; init; }

    public Input<bool> EnableDns { get; init; }

    public Input<bool> EnableWhitelist { get; init; }

    /// <summary>IPv4 addresses or CIDR blocks.</summary>
    public Input<InputList<string>> Whitelist { get; init; }

    /// <summary>Gateway endpoints only.</summary>
    public Input<InputList<string>> RouteTables { get; init; }

    public Input<string> Description { get; init; }

    public Input<InputMap<string>> Tags { get; init; }

    /// <summary>Gateway endpoints only: who may reach which OBS buckets through the endpoint (the cloud's default allows all).</summary>
    public Input<InputList<PolicyStatement>> PolicyStatements { get; init; }

    public static PropertyTable<VpcEndpointInputs> Properties { get; } = new PropertyTable<VpcEndpointInputs>()
        .Add(Names.ServiceId, Codec.String, m => m.ServiceId, (m, v) => m with { ServiceId = v }, PropertyFlags.Required)
        .Add(Names.VpcId, Codec.String, m => m.VpcId, (m, v) => m with { VpcId = v }, PropertyFlags.Required)
        .Add(Names.SubnetId, Codec.String, m => m.SubnetId, (m, v) => m with { SubnetId = v })
        // Filled in by the cloud when left out: port_ip becomes the answered ip.
        .Add(Names.PortIp, Codec.String, m => m.PortIp, (m, v) => m with { PortIp = v }, PropertyFlags.OptionalComputed)
        .Add(Names.EnableDns, Codec.Boolean, m => m.EnableDns, (m, v) => m with { EnableDns = v })
        .Add(Names.EnableWhitelist, Codec.Boolean, m => m.EnableWhitelist, (m, v) => m with { EnableWhitelist = v })
        .Add(Names.Whitelist, Codec.ListOf(Codec.String), m => m.Whitelist, (m, v) => m with { Whitelist = v })
        // For gateway endpoints: "if you do not specify this parameter, the route table ID of the VPC is returned".
        .Add(Names.RouteTables, Codec.ListOf(Codec.String), m => m.RouteTables, (m, v) => m with { RouteTables = v }, PropertyFlags.OptionalComputed)
        .Add(Names.Description, Codec.String, m => m.Description, (m, v) => m with { Description = v })
        .Add(Names.Tags, Codec.MapOf(Codec.String), m => m.Tags, (m, v) => m with { Tags = v })
        // Gateway endpoints get a default policy (every OBS action on every bucket) when the request names none.
        .Add(
            Names.PolicyStatements,
            Codec.ListOf(Codec.Object<PolicyStatement>(PolicyStatement.TypeName)),
            m => m.PolicyStatements,
            (m, v) => m with { PolicyStatements = v },
            PropertyFlags.OptionalComputed);

    /// <summary>The tags (empty when left out).</summary>
    public IReadOnlyDictionary<string, string> TagMap => Tags.ValueOrDefault?.Values ?? new Dictionary<string, string>();

    /// <summary>The API's rules that need no cloud call, beyond the schema's.</summary>
    public CheckResult<VpcEndpointInputs> Check() => EndpointChecks.Check(this);

    /// <summary>
    /// One canonical form for comparison (never stored): the whitelist and the route tables are sets (order and repeats
    /// mean nothing), and so are the policy's statements and each statement's actions and resources (an OBS policy's
    /// order decides nothing: a Deny wins wherever it stands); an absent description, tag map or whitelist is an empty
    /// one. Unknown values stay as they are.
    /// </summary>
    public VpcEndpointInputs NormalisedForDiff() => this with
    {
        Whitelist = Whitelist.IsAbsent ? InputList<string>.Empty : Whitelist.Select(AsSet),
        RouteTables = RouteTables.Select(AsSet),
        PolicyStatements = PolicyStatements.Select(PolicyStatement.AsSet),
        Description = Description.OrWhenAbsent(""),
        Tags = Tags.OrWhenAbsent(InputMap<string>.Empty),
    };

    private static InputList<string> AsSet(InputList<string> items) =>
        items.IsFullyKnown ? InputList<string>.Of(items.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) : items;

    /// <summary>The property names, as the schema spells them.</summary>
    public static class Names
    {
        public const string ServiceId = "serviceId";
        public const string VpcId = "vpcId";
        public const string SubnetId = "subnetId";
        public const string PortIp = "portIp";
        public const string EnableDns = "enableDns";
        public const string EnableWhitelist = "enableWhitelist";
        public const string Whitelist = "whitelist";
        public const string RouteTables = "routeTables";
        public const string Description = "description";
        public const string Tags = "tags";
        public const string PolicyStatements = "policyStatements";
    }
}
