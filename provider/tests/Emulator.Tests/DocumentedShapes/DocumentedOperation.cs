using System.Text.Json.Nodes;

namespace Otc.Emulator.Tests.DocumentedShapes;

/// <summary>
/// One API operation as the OTC API reference documents it (a file in <c>DocumentedExamples/</c>): the example
/// requests, the documented status, the response fields of the parameter tables, and the example answers.
/// </summary>
internal sealed record DocumentedOperation(string File, string Title, int Status, JsonNode? Fields, IReadOnlyList<string> Headers, IReadOnlyList<DocumentedCase> Cases)
{
    public const string Folder = "DocumentedExamples";

    public static IReadOnlyList<DocumentedOperation> All() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, Folder), "*.json").Order(StringComparer.Ordinal).Select(Load)];

    public static DocumentedOperation Named(string file) => Load(Path.Combine(AppContext.BaseDirectory, Folder, file));

    private static DocumentedOperation Load(string path)
    {
        var root = JsonNode.Parse(System.IO.File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty");
        var response = root["response"]!;
        var cases = root["cases"]!.AsArray().Select(node => new DocumentedCase(
            node!["name"]!.GetValue<string>(),
            node["request"]!["method"]!.GetValue<string>(),
            node["request"]!["path"]!.GetValue<string>(),
            node["request"]!["body"]?.DeepClone(),
            node["example"]?.DeepClone())).ToList();
        return new DocumentedOperation(
            Path.GetFileName(path),
            root["operation"]!.GetValue<string>(),
            response["status"]!.GetValue<int>(),
            response["fields"]?.DeepClone(),
            response["headers"]?.AsArray().Select(header => header!.GetValue<string>()).ToList() ?? [],
            cases);
    }
}

/// <summary>One documented request with its example answer (null when the page shows none).</summary>
internal sealed record DocumentedCase(string Name, string Method, string Path, JsonNode? Body, JsonNode? Example)
{
    /// <summary>The request with <c>{placeholder}</c>s replaced (ids of resources the test set up, accounts).</summary>
    public (string Path, string? Body) Resolve(IReadOnlyDictionary<string, string> values)
    {
        string Substitute(string text) => values.Aggregate(text, (current, pair) => current.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
        return (Substitute(Path), Body is null ? null : Substitute(Body.ToJsonString()));
    }
}
