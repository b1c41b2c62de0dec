using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Otc.Sdk.Tests.Sdk;

namespace Otc.Sdk.Tests;

/// <summary>
/// examples/csharp's syntax checked against the SDK's: every args property it sets and every enum value it names must
/// exist, and its stack config must use real keys. (make build_sdks compiles it, and Program.Tests runs it; these
/// checks name the drift precisely.)
/// </summary>
[TestFixture]
public sealed partial class ExampleProgramTests
{
    private static readonly string ExampleDirectory = Path.Combine(RepositoryLayout.Root, "examples", "csharp");

    [Test]
    public void Every_property_the_example_sets_exists_on_the_sdk_args_class()
    {
        var unknown = new List<string>();
        var creations = ProgramRoots().SelectMany(root => root.DescendantNodes()).OfType<ObjectCreationExpressionSyntax>()
            .Where(c => c.Initializer is not null)
            .ToList();
        foreach (var creation in creations)
        {
            var typeName = creation.Type.ToString();
            var sdkType = SdkFixture.Sdk.Types.SingleOrDefault(t => t.Name == typeName && t.FullName.StartsWith("Pulumi.Otc.", StringComparison.Ordinal));
            if (sdkType is null)
            {
                continue;
            }
            var declared = SyntaxQueries.Inputs(sdkType.Syntax).Select(i => i.CSharpName).ToHashSet(StringComparer.Ordinal);
            unknown.AddRange(creation.Initializer!.Expressions.OfType<AssignmentExpressionSyntax>()
                .Select(a => a.Left.ToString())
                .Where(name => !declared.Contains(name))
                .Select(name => typeName + "." + name));
        }

        Assert.Multiple(() =>
        {
            Assert.That(creations.Select(c => c.Type.ToString()), Is.SupersetOf(new[] { "VpcEndpointServiceArgs", "PortMappingArgs" }));
            Assert.That(unknown, Is.Empty);
        });
    }

    [Test]
    public void Every_enum_value_the_example_names_exists_in_the_sdk()
    {
        var enums = SdkFixture.Sdk.Types.Where(t => SyntaxQueries.HasAttribute(t.Syntax, "EnumType"))
            .ToDictionary(t => t.Name, t => SyntaxQueries.EnumValues(t.Syntax).Select(v => v.CSharpName).ToHashSet(StringComparer.Ordinal));
        var used = ProgramRoots().SelectMany(root => root.DescendantNodes()).OfType<MemberAccessExpressionSyntax>()
            .Where(m => m.Expression is IdentifierNameSyntax identifier && enums.ContainsKey(identifier.Identifier.ValueText))
            .Select(m => (Enum: ((IdentifierNameSyntax)m.Expression).Identifier.ValueText, Value: m.Name.Identifier.ValueText))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(used, Is.Not.Empty);
            Assert.That(used.Where(u => !enums[u.Enum].Contains(u.Value)).Select(u => u.Enum + "." + u.Value), Is.Empty);
        });
    }

    [Test]
    public void The_dev_stack_sets_only_provider_config_keys_the_schema_declares()
    {
        var keys = ProviderConfigKey().Matches(File.ReadAllText(Path.Combine(ExampleDirectory, "Pulumi.dev.yaml")))
            .Select(m => m.Groups["key"].Value)
            .ToList();
        var declared = SdkFixture.Schema.ConfigVariables.Select(v => v.Name);

        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.SupersetOf(new[] { "region", "projectId", "accessKey", "vpcepEndpoint" }));
            Assert.That(keys, Is.SubsetOf(declared));
        });
    }

    [Test]
    public void The_example_project_runs_on_dotnet_and_builds_against_the_local_sdk()
    {
        var project = File.ReadAllText(Path.Combine(ExampleDirectory, "otc-vpcep-example.csproj"));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(ExampleDirectory, "Pulumi.yaml")), Does.Contain("runtime: dotnet"));
            Assert.That(project, Does.Contain("<ProjectReference Include=\"../../sdk/dotnet/Pulumi.Otc.csproj\" />"));
        });
    }

    /// <summary>Every C# file of the example (Program.cs and the function it runs), build output excluded.</summary>
    private static IEnumerable<CompilationUnitSyntax> ProgramRoots() =>
        Directory.EnumerateFiles(ExampleDirectory, "*.cs")
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetCompilationUnitRoot());

    [GeneratedRegex(@"^\s+otc:(?<key>[A-Za-z]+):", RegexOptions.Multiline)]
    private static partial Regex ProviderConfigKey();
}
