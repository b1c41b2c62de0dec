using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>One port mapping of an endpoint service: the endpoint-side port to the backend port.</summary>
public sealed class PortMapping
{
    [JsonProperty("client_port")]
    public int ClientPort { get; set; }

    [JsonProperty("server_port")]
    public int ServerPort { get; set; }

    [JsonProperty("protocol")]
    public string? Protocol { get; set; }
}
