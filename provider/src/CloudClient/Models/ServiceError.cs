using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>An entry of the <c>error</c> array the cloud attaches to failed services, endpoints and connections.</summary>
public sealed class ServiceError
{
    [JsonProperty("error_code")]
    public string? ErrorCode { get; set; }

    [JsonProperty("error_message")]
    public string? ErrorMessage { get; set; }

    /// <summary>The entries as one line for an error message.</summary>
    public static string Summarize(IReadOnlyCollection<ServiceError> errors)
        => errors.Count == 0 ? "no error details reported" : string.Join("; ", errors.Select(e => $"{e.ErrorCode}: {e.ErrorMessage}"));
}
