using System.Text.Json;
using System.Xml.Linq;
using Otc.Sdk.Tests.Schema;
using Otc.Sdk.Tests.Sdk;

namespace Otc.Sdk.Tests.Conformance;

/// <summary>Checks the SDK's non-code files (version, plugin manifest, project file) against the schema.</summary>
public sealed class PackageFilesConformance(PackageSchema schema, SdkSources sdk)
{
    private readonly CSharpNaming _naming = new(schema);

    public IReadOnlyList<string> All()
    {
        var problems = new List<string>();
        if (schema.CSharp.RespectSchemaVersion && sdk.ReadFile("version.txt")?.Trim() != schema.Version)
        {
            problems.Add($"version.txt is '{sdk.ReadFile("version.txt")?.Trim()}', expected the schema version {schema.Version}");
        }
        PluginManifest(problems);
        ProjectFile(problems);
        Utilities(problems);
        return problems;
    }

    private void PluginManifest(List<string> problems)
    {
        var text = sdk.ReadFile("pulumi-plugin.json");
        if (text is null)
        {
            problems.Add("pulumi-plugin.json is missing");
            return;
        }
        using var manifest = JsonDocument.Parse(text);
        var root = manifest.RootElement;
        if (!root.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.True)
        {
            problems.Add("pulumi-plugin.json must say \"resource\": true");
        }
        if (!root.TryGetProperty("name", out var name) || name.GetString() != schema.Name)
        {
            problems.Add($"pulumi-plugin.json name must be {schema.Name}");
        }
        if (!root.TryGetProperty("version", out var version) || version.GetString() != schema.Version)
        {
            problems.Add($"pulumi-plugin.json version must be {schema.Version}");
        }
    }

    private void ProjectFile(List<string> problems)
    {
        var projectName = _naming.PackageNamespace + ".csproj";
        var text = sdk.ReadFile(projectName);
        if (text is null)
        {
            problems.Add($"{projectName} is missing");
            return;
        }
        var project = XDocument.Parse(text);
        var references = project.Descendants("PackageReference")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string?)e.Attribute("Version"), StringComparer.Ordinal);
        foreach (var (package, version) in schema.CSharp.PackageReferences)
        {
            if (!references.TryGetValue(package, out var declared) || declared != version)
            {
                problems.Add($"{projectName} must reference {package} at exactly {version} (found {declared ?? "no reference"})");
            }
        }
        var properties = project.Descendants("PropertyGroup").Elements().ToList();
        if (schema.CSharp.RespectSchemaVersion && properties.FirstOrDefault(e => e.Name == "Version")?.Value != schema.Version)
        {
            problems.Add($"{projectName} <Version> must be the schema version {schema.Version}");
        }
        // It pins its own versions, so the repository's central package management must stay off for it.
        if (properties.FirstOrDefault(e => e.Name == "ManagePackageVersionsCentrally")?.Value != "false")
        {
            problems.Add($"{projectName} must set ManagePackageVersionsCentrally to false");
        }
        var embedded = project.Descendants("EmbeddedResource").Select(e => (string?)e.Attribute("Include")).ToList();
        foreach (var file in new[] { "version.txt", "pulumi-plugin.json" })
        {
            if (!embedded.Contains(file))
            {
                problems.Add($"{projectName} must embed {file}");
            }
        }
    }

    private void Utilities(List<string> problems)
    {
        var attributeClass = _naming.PackageNamespace + "." + _naming.ResourceTypeAttributePrefix + "ResourceTypeAttribute";
        if (sdk.Find(attributeClass) is not { } attribute
            || !SyntaxQueries.BaseTypes(attribute.Syntax).Contains("global::Pulumi.ResourceTypeAttribute"))
        {
            problems.Add($"{attributeClass} deriving from global::Pulumi.ResourceTypeAttribute is missing");
        }
        var utilities = sdk.Find(_naming.PackageNamespace + ".Utilities");
        var resourceName = "\"" + _naming.PackageNamespace + ".version.txt\"";
        if (utilities is null || !utilities.Syntax.ToString().Contains(resourceName, StringComparison.Ordinal))
        {
            problems.Add($"{_naming.PackageNamespace}.Utilities must read the embedded resource {resourceName}");
        }
    }
}
