using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Otc.CloudClient;

/// <summary>Reads an error code and message out of the two error shapes OTC uses.</summary>
internal static class ErrorBodyParser
{
    /// <summary>
    /// VPCEP and the API gateway send <c>{"error_code","error_msg"}</c>; keystone (IAM) sends
    /// <c>{"error":{"code","message","title"}}</c>. Anything else yields nulls, never an exception.
    /// </summary>
    public static (string? Code, string? Message, string? RequestId) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, null);
        }

        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            if (JToken.ReadFrom(reader) is not JObject parsed)
            {
                return (null, null, null);
            }

            root = parsed;
        }
        catch (JsonException)
        {
            return (null, null, null);
        }

        var code = Text(root["error_code"]);
        var message = Text(root["error_msg"]) ?? Text(root["error_message"]) ?? Text(root["message"]);
        var requestId = Text(root["request_id"]);
        if (root["error"] is JObject keystone)
        {
            code ??= Text(keystone["title"]) ?? Text(keystone["code"]);
            message ??= Text(keystone["message"]);
        }

        return (code, message, requestId);
    }

    private static string? Text(JToken? token) => token switch
    {
        null => null,
        JValue { Value: null } => null,
        JValue value => Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
