using System.Text.Json;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Otc.Sdk.Tests.Schema;
using Otc.Sdk.Tests.Sdk;

namespace Otc.Sdk.Tests.Conformance;

/// <summary>
/// Checks the SDK's package files (version, plugin manifest, project file, readme) and the plugin download URL its code
/// carries against the schema.
/// </summary>
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
        PluginDownloadUrl(problems);
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
        var server = root.TryGetProperty("server", out var serverElement) ? serverElement.GetString() : null;
        if (server != schema.Metadata.PluginDownloadUrl)
        {
            problems.Add($"pulumi-plugin.json server is {Describe(server)}, but the schema's pluginDownloadURL is {Describe(schema.Metadata.PluginDownloadUrl)}");
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
        // Codegen's template: authors and company from the publisher, the URLs from homepage and repository (empty when absent).
        var publisher = schema.Metadata.Publisher is { Length: > 0 } named ? named : "Pulumi Corp.";
        foreach (var (element, expected) in new[]
                 {
                     ("Authors", publisher), ("Company", publisher),
                     ("PackageProjectUrl", schema.Metadata.Homepage ?? ""), ("RepositoryUrl", schema.Metadata.Repository ?? ""),
                 })
        {
            var declared = properties.Where(e => e.Name == element).Select(e => e.Value).ToList();
            if (declared.Count != 1 || declared[0] != expected)
            {
                problems.Add($"{projectName} <{element}> is [{string.Join(", ", declared)}], expected '{expected}' from the schema");
            }
        }
        // Not codegen's: the package's readme, packed at the package root.
        if (properties.FirstOrDefault(e => e.Name == "PackageReadmeFile")?.Value != "README.md"
            || !project.Descendants("None").Any(e => (string?)e.Attribute("Include") == "README.md" && (string?)e.Attribute("Pack") == "True" && (string?)e.Attribute("PackagePath") == ""))
        {
            problems.Add($"{projectName} must pack README.md at the package root as its PackageReadmeFile");
        }
        if (string.IsNullOrWhiteSpace(sdk.ReadFile("README.md")))
        {
            problems.Add("README.md, the package's readme, is missing or empty");
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

    /// <summary>
    /// Codegen bakes the schema's <c>pluginDownloadURL</c> into every resource's (and the provider's) default options and
    /// into both <c>WithDefaults</c> of the invoke options; without one, none of them names a URL.
    /// </summary>
    private void PluginDownloadUrl(List<string> problems)
    {
        var expected = schema.Metadata.PluginDownloadUrl;
        var classes = schema.Resources
            .Select(r => _naming.ModuleNamespace(r.Token) + "." + CSharpNaming.MemberName(r.Token))
            .Append(_naming.PackageNamespace + ".Provider");
        foreach (var fullName in classes)
        {
            // A missing class is SdkConformance's to report.
            if (sdk.Find(fullName) is not { } type)
            {
                continue;
            }
            var method = type.Syntax.DescendantNodes().OfType<MethodDeclarationSyntax>().SingleOrDefault(m => m.Identifier.ValueText == "MakeResourceOptions");
            var urls = method is null
                ? []
                : method.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                    .Where(a => a.Left.ToString() == "PluginDownloadURL")
                    .Select(a => LiteralText(a.Right))
                    .ToList();
            ExpectUrls(problems, $"{fullName}.MakeResourceOptions", urls, expected, method is null ? null : 1);
        }

        if (sdk.Find(_naming.PackageNamespace + ".Utilities") is { } utilities)
        {
            var withDefaults = utilities.Syntax.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.ValueText == "WithDefaults").ToList();
            var urls = withDefaults
                .SelectMany(m => m.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                .Where(a => a.Left.ToString() == "dst.PluginDownloadURL")
                .Select(a => a.Right is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce && coalesce.Left.ToString() == "src?.PluginDownloadURL"
                    ? LiteralText(coalesce.Right)
                    : "(not src?.PluginDownloadURL ?? \"...\")")
                .ToList();
            ExpectUrls(problems, _naming.PackageNamespace + ".Utilities.WithDefaults", urls, expected, withDefaults.Count);
        }
    }

    private static void ExpectUrls(List<string> problems, string where, IReadOnlyList<string?> found, string? expected, int? places)
    {
        var wanted = expected is null ? [] : Enumerable.Repeat<string?>(expected, places ?? 1).ToList();
        if (!found.SequenceEqual(wanted))
        {
            problems.Add($"{where} sets PluginDownloadURL to [{string.Join(", ", found.Select(Describe))}], but the schema's pluginDownloadURL is {Describe(expected)}");
        }
    }

    private static string? LiteralText(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.Token.ValueText : expression.ToString();

    private static string Describe(string? value) => value is null ? "absent" : $"'{value}'";

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
