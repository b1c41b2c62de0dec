using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>
/// One statement of a gateway endpoint's policy (<c>otc:vpcep:VpcEndpointPolicyStatement</c>, the API's
/// <c>policy_statement</c> entry <c>{Effect, Action, Resource}</c>). The one place a statement is read from and written
/// to property values; its fields may be unknown during preview.
/// </summary>
public sealed record PolicyStatement : IPropertyModel<PolicyStatement>
{
    public const string TypeName = "VpcEndpointPolicyStatement";
    public const string EffectName = "effect";
    public const string ActionsName = "actions";
    public const string ResourcesName = "resources";

    /// <summary>The documented effects, spelled as the API spells them.</summary>
    internal static Vocabulary Effects { get; } = new("Allow", "Deny");

    public Input<string> Effect { get; init; }

    /// <summary>OBS actions, e.g. <c>obs:object:GetObject</c>; a set (order and repeats mean nothing).</summary>
    public Input<InputList<string>> Actions { get; init; }

    /// <summary>OBS buckets and objects, e.g. <c>obs:*:*:object:my-bucket/*</c>; a set.</summary>
    public Input<InputList<string>> Resources { get; init; }

    public static PropertyTable<PolicyStatement> Properties { get; } = new PropertyTable<PolicyStatement>()
        .Add(EffectName, Codec.String, m => m.Effect, (m, v) => m with { Effect = v }, PropertyFlags.Required)
        .Add(ActionsName, Codec.ListOf(Codec.String), m => m.Actions, (m, v) => m with { Actions = v }, PropertyFlags.Required)
        .Add(ResourcesName, Codec.ListOf(Codec.String), m => m.Resources, (m, v) => m with { Resources = v }, PropertyFlags.Required);

    public bool IsFullyKnown =>
        Effect.IsKnown && Actions.TryGetValue(out var actions) && actions.IsFullyKnown && Resources.TryGetValue(out var resources) && resources.IsFullyKnown;

    /// <summary>
    /// The statement in canonical form: the API's spelling of the effect, actions and resources as sorted sets. Unknown
    /// parts stay as they are.
    /// </summary>
    public PolicyStatement Canonical() => this with
    {
        Effect = Effect.Select(Effects.CanonicalOrSelf),
        Actions = Actions.Select(AsSet),
        Resources = Resources.Select(AsSet),
    };

    /// <summary>What orders canonical, known statements among a policy's statements (the order of a policy means nothing).</summary>
    public string SortKey => string.Join("\n", [Effect.Value, .. Actions.Value.Values, "", .. Resources.Value.Values]);

    /// <summary>The statements as a set: canonical, and sorted when all are known. Unknown lists stay as they are.</summary>
    public static InputList<PolicyStatement> AsSet(InputList<PolicyStatement> statements)
    {
        var canonical = new InputList<PolicyStatement>(statements.Select(statement => statement.Select(item => item.Canonical())));
        return canonical.IsFullyKnown && canonical.Values.All(statement => statement.IsFullyKnown)
            ? InputList<PolicyStatement>.Of(canonical.Values.DistinctBy(statement => statement.SortKey).OrderBy(statement => statement.SortKey, StringComparer.Ordinal))
            : canonical;
    }

    private static InputList<string> AsSet(InputList<string> items) =>
        items.IsFullyKnown ? InputList<string>.Of(items.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) : items;
}
