using System.Text.Json;
using System.Text.Json.Nodes;

namespace Otc.Emulator.Tests.DocumentedShapes;

/// <summary>
/// Holds an answer to the documentation: every field the documented example carries must be there with the same JSON
/// type, and every field the answer carries must be one the documentation knows (the parameter tables or the example),
/// with the type the table gives. Lists are checked element by element; an element matches the example element of
/// its kind (the example's list may show several kinds, e.g. gateway and interface endpoints).
/// </summary>
/// <remarks>
/// Field specs (the <c>fields</c> of a documented operation): a type name (<c>string</c>, <c>integer</c>,
/// <c>boolean</c>, <c>number</c>, <c>object</c>, <c>null</c>, <c>any</c>, alternatives joined by <c>|</c>, a list of them as
/// <c>string[]</c>), an object of field specs, or a one-element array holding the spec of the list's elements.
/// </remarks>
internal static class ShapeChecker
{
    public static IReadOnlyList<string> Problems(JsonNode? answer, JsonNode? example, JsonNode? fields)
    {
        var problems = new List<string>();
        Check(answer, example, fields, "$", problems);
        return problems;
    }

    private static void Check(JsonNode? answer, JsonNode? example, JsonNode? spec, string path, List<string> problems)
    {
        if (example is not null && KindOf(answer) != KindOf(example))
        {
            problems.Add($"{path}: the example has {KindOf(example)}, the answer {KindOf(answer)}");
            return;
        }

        switch (spec)
        {
            case JsonValue type:
                CheckType(answer, type.GetValue<string>(), path, problems);
                break;
            case JsonObject fields:
                CheckObject(answer, example as JsonObject, fields, path, problems);
                break;
            case JsonArray { Count: 1 } element:
                CheckList(answer, example as JsonArray, element[0], path, problems);
                break;
            case null when example is not null:
                // Only reached through the example: its nested values carry no table of their own.
                Check(answer, example, Describe(example), path, problems);
                break;
            case null:
                break;
            default:
                throw new InvalidDataException($"{path}: unreadable field spec {spec.ToJsonString()}");
        }
    }

    private static void CheckObject(JsonNode? answer, JsonObject? example, JsonObject fields, string path, List<string> problems)
    {
        if (answer is not JsonObject actual)
        {
            problems.Add($"{path}: expected an object, got {KindOf(answer)}");
            return;
        }

        foreach (var (name, value) in example ?? [])
        {
            if (!actual.ContainsKey(name))
            {
                problems.Add($"{path}.{name}: in the documented example, missing from the answer");
            }
        }

        foreach (var (name, value) in actual)
        {
            var documented = fields.ContainsKey(name) || (example?.ContainsKey(name) ?? false);
            if (!documented)
            {
                problems.Add($"{path}.{name}: not a documented field");
                continue;
            }

            Check(value, example?[name], fields[name], $"{path}.{name}", problems);
        }
    }

    private static void CheckList(JsonNode? answer, JsonArray? example, JsonNode? elementSpec, string path, List<string> problems)
    {
        if (answer is not JsonArray actual)
        {
            problems.Add($"{path}: expected a list, got {KindOf(answer)}");
            return;
        }

        for (var index = 0; index < actual.Count; index++)
        {
            var element = actual[index];
            var elementPath = $"{path}[{index}]";
            if (example is not { Count: > 0 })
            {
                Check(element, null, elementSpec, elementPath, problems);
                continue;
            }

            // The example element this one matches best: the documented kinds may differ in their fields.
            var attempts = example.Select(candidate =>
            {
                var found = new List<string>();
                Check(element, candidate, elementSpec, elementPath, found);
                return found;
            }).ToList();
            problems.AddRange(attempts.MinBy(found => found.Count)!);
        }
    }

    private static void CheckType(JsonNode? answer, string type, string path, List<string> problems)
    {
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            if (answer is not JsonArray items)
            {
                problems.Add($"{path}: expected {type}, got {KindOf(answer)}");
                return;
            }

            for (var index = 0; index < items.Count; index++)
            {
                CheckType(items[index], type[..^2], $"{path}[{index}]", problems);
            }

            return;
        }

        var allowed = type.Split('|');
        if (!allowed.Any(kind => Matches(answer, kind)))
        {
            problems.Add($"{path}: documented as {type}, the answer has {KindOf(answer)} {answer?.ToJsonString()}");
        }
    }

    private static bool Matches(JsonNode? value, string kind) => kind switch
    {
        "string" => KindOf(value) == "string",
        "boolean" => KindOf(value) == "boolean",
        "number" => KindOf(value) == "number",
        "integer" => value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && decimal.TryParse(number.ToJsonString(), out var whole) && whole == decimal.Truncate(whole),
        "object" => value is JsonObject,
        "null" => value is null,
        "any" => true,
        _ => throw new InvalidDataException($"unknown documented type '{kind}'"),
    };

    /// <summary>A spec that accepts exactly the shape of <paramref name="example"/> (for example values below the tables).</summary>
    private static JsonNode? Describe(JsonNode? example) => example switch
    {
        JsonObject fields => new JsonObject(fields.Select(pair => KeyValuePair.Create(pair.Key, Describe(pair.Value)))),
        JsonArray { Count: > 0 } items => new JsonArray(Describe(items[0])),
        JsonArray => JsonValue.Create("any[]"),
        null => JsonValue.Create("any"),
        _ => JsonValue.Create(KindOf(example)),
    };

    public static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "list",
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => throw new InvalidDataException($"unexpected JSON node {value.GetType().Name}"),
    };
}
