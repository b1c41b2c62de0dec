using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>An entry of the <c>error</c> array the cloud attaches to failed services, endpoints and connections.</summary>
public sealed class ServiceError
{
    [JsonProperty("error_code")]
    public string? ErrorCode { get; set; }

    [JsonProperty("error_message")]
    public string? ErrorMessage { get; set; }
}
