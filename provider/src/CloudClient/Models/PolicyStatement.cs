using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>
/// One statement of a gateway endpoint's policy (<c>policy_statement</c>, eu-de API reference since 2024-09). The API
/// spells its members with capitals, as IAM policies do.
/// </summary>
public sealed class PolicyStatement
{
    /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
    [JsonProperty("Effect")]
    public string Effect { get; set; } = "";

    /// <summary>OBS actions, e.g. <c>obs:object:GetObject</c>.</summary>
    [JsonProperty("Action")]
    public List<string> Action { get; set; } = [];

    /// <summary>OBS buckets and objects, e.g. <c>obs:*:*:bucket:my-bucket</c>.</summary>
    [JsonProperty("Resource")]
    public List<string> Resource { get; set; } = [];
}
