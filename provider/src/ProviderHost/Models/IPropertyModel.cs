using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Models;

/// <summary>
/// A typed record that every RPC of a resource or function works on: its inputs, its state, its arguments or its
/// result. Its <see cref="Properties"/> table is the one declaration of its properties; the host reads and writes
/// the record through it after checking values against the schema.
/// </summary>
public interface IPropertyModel<TSelf>
    where TSelf : IPropertyModel<TSelf>, new()
{
    static abstract PropertyTable<TSelf> Properties { get; }
}

/// <summary>Reads and writes models through their property tables.</summary>
public static class PropertyModel
{
    /// <summary>Reads a model from values already checked against the schema (see <see cref="Schema.SchemaValues"/>).</summary>
    public static TModel FromProperties<TModel>(PropertyMap properties)
        where TModel : IPropertyModel<TModel>, new() => TModel.Properties.Decode(properties);

    /// <summary>Reads a model from values stored by the engine that only inform a call (see <see cref="PropertyTable{TModel}.DecodeTolerant"/>).</summary>
    public static TModel FromStoredProperties<TModel>(PropertyMap properties)
        where TModel : IPropertyModel<TModel>, new() => TModel.Properties.DecodeTolerant(properties);

    public static PropertyMap ToProperties<TModel>(this TModel model)
        where TModel : IPropertyModel<TModel>, new() => TModel.Properties.Encode(model);
}

/// <summary>A property did not have the shape its model declares.</summary>
public sealed class PropertyDecodeException(string property, string reason)
    : Exception($"property '{property}': {reason}")
{
    public string Property { get; } = property;

    public string Reason { get; } = reason;
}

/// <summary>
/// A model whose equivalent values (a list that is a set, a case-insensitive enum, a short and a long name) have one
/// canonical form. The host's default diff compares the canonical forms of old and new inputs (and of the old state).
/// </summary>
public interface IDiffNormalised<out TSelf>
{
    /// <summary>The same model in canonical form, for comparison only (never stored); unknown values stay as they are.</summary>
    TSelf NormalisedForDiff();
}

/// <summary>
/// A model with rules of its own beyond the schema's (ranges, patterns, values that must not repeat). The host applies
/// them in Check, after the schema's, unless the handler takes Check over (<see cref="ICustomCheck{TInputs}"/>).
/// </summary>
public interface ISelfChecking<TSelf>
{
    /// <summary>One failure per broken rule, naming the property path; unknown values are not judged. Returns the checked model.</summary>
    CheckResult<TSelf> Check();
}
