namespace Otc.ProviderHost.Schema;

/// <summary>The wire shape a schema property declares; decides how a string-encoded config value is read back.</summary>
public enum SchemaValueType
{
    String,
    Boolean,
    Integer,
    Number,
    Array,

    /// <summary>An object, a map, or a <c>$ref</c> to an object type: JSON-encoded when it arrives as a string.</summary>
    Object,
}
