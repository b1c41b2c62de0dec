using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Otc.Emulator.Gateway;

/// <summary>JSON conventions of the emulated APIs: snake_case names, nulls left out.</summary>
internal static class JsonWire
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The admin API speaks camelCase, as the contract shows.</summary>
    public static readonly JsonSerializerOptions AdminOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The journal always lists every key, null or not.</summary>
    public static readonly JsonSerializerOptions JournalOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static T ReadBody<T>(byte[] body)
        where T : class
    {
        if (body.Length == 0)
        {
            throw ApiError.BadRequest("EndPoint.2002", "The request body is empty.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, Options)
                ?? throw ApiError.BadRequest("EndPoint.2002", "The request body is empty.");
        }
        catch (JsonException)
        {
            throw ApiError.ParameterError("Parameter error: the request body is not valid JSON for this operation.");
        }
    }

    public static Task WriteAsync(HttpContext context, int status, object body, JsonSerializerOptions? options = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, options ?? Options), context.RequestAborted);
    }

    /// <summary>Timestamps use the documented <c>YYYY-MM-DDTHH:MM:SSZ</c> form.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
