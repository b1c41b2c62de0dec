using Otc.ProviderHost.Schema;

namespace Otc.Provider.Tests.Models;

/// <summary>Where a model's declared shape and the schema's disagree: names, types, requiredness and secretness, at every depth.</summary>
internal static class ShapeComparison
{
    /// <summary>One line per disagreement, naming the property path; empty when the two agree.</summary>
    public static IReadOnlyList<string> Disagreements(SchemaShape model, SchemaShape schema, string path = "")
    {
        var found = new List<string>();
        Compare(model, schema, path, found);
        return found;
    }

    private static void Compare(SchemaShape model, SchemaShape schema, string path, List<string> found)
    {
        var where = path.Length == 0 ? "(top level)" : path;
        if (model.Kind != schema.Kind)
        {
            found.Add($"{where}: the model says {model}, the schema {schema}");
            return;
        }

        if (model.Element is { } modelElement && schema.Element is { } schemaElement)
        {
            Compare(modelElement, schemaElement, path + "[]", found);
        }

        if (model.Kind != ShapeKind.Object)
        {
            return;
        }

        var modelProperties = (model.Properties ?? []).ToDictionary(property => property.Name, StringComparer.Ordinal);
        var schemaProperties = (schema.Properties ?? []).ToDictionary(property => property.Name, StringComparer.Ordinal);
        foreach (var name in modelProperties.Keys.Except(schemaProperties.Keys, StringComparer.Ordinal))
        {
            found.Add($"{Child(path, name)}: in the model, not in the schema");
        }

        foreach (var name in schemaProperties.Keys.Except(modelProperties.Keys, StringComparer.Ordinal))
        {
            found.Add($"{Child(path, name)}: in the schema, not in the model");
        }

        foreach (var (name, declared) in modelProperties.Where(pair => schemaProperties.ContainsKey(pair.Key)))
        {
            var expected = schemaProperties[name];
            if (declared.Required != expected.Required)
            {
                found.Add($"{Child(path, name)}: required in the {(declared.Required ? "model" : "schema")} only");
            }

            if (declared.Secret != expected.Secret)
            {
                found.Add($"{Child(path, name)}: secret in the {(declared.Secret ? "model" : "schema")} only");
            }

            Compare(declared.Shape, expected.Shape, Child(path, name), found);
        }
    }

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
