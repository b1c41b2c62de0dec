namespace Otc.ProviderHost.Values;

/// <summary>The shapes a Pulumi property value can take on the wire.</summary>
public enum PropertyValueKind
{
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,

    /// <summary>A value not known until apply (the engine's computed sentinel).</summary>
    Unknown,

    /// <summary>An asset, archive or resource reference: carried through untouched.</summary>
    Opaque,
}
