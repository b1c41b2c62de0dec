using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>A key/value tag on an endpoint service or endpoint.</summary>
public sealed class ResourceTag
{
    [JsonProperty("key")]
    public string Key { get; set; } = "";

    /// <summary>Optional on delete: a tag without a value is deleted by key only.</summary>
    [JsonProperty("value")]
    public string? Value { get; set; }
}
