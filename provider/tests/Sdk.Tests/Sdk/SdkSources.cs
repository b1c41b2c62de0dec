using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Otc.Sdk.Tests.Sdk;

/// <summary>
/// The files of a generated SDK, with every <c>.cs</c> file parsed into a syntax tree. Syntax only: the checks compare
/// declarations, which need no compilation (make build_sdks compiles the SDK against the Pulumi package).
/// </summary>
public sealed class SdkSources
{
    private readonly IReadOnlyDictionary<string, string> _files;

    private SdkSources(IReadOnlyDictionary<string, string> files)
    {
        _files = files;
        Types = files
            .Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => DeclaredTypes(f.Key, CSharpSyntaxTree.ParseText(f.Value, path: f.Key)))
            .ToList();
    }

    /// <summary>Every class, struct and enum declared in the SDK's C# files.</summary>
    public IReadOnlyList<SdkType> Types { get; }

    /// <summary>Reads every file under <paramref name="sdkDirectory"/> except build output.</summary>
    public static SdkSources Load(string sdkDirectory)
    {
        var files = Directory.EnumerateFiles(sdkDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(sdkDirectory, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal))
            .Where(relative => !relative.EndsWith(".png", StringComparison.Ordinal))
            .ToDictionary(relative => relative, relative => File.ReadAllText(Path.Combine(sdkDirectory, relative)), StringComparer.Ordinal);
        return new SdkSources(files);
    }

    /// <summary>Builds sources from in-memory file texts (relative path to content).</summary>
    public static SdkSources FromFiles(IReadOnlyDictionary<string, string> files) => new(files);

    public IReadOnlyDictionary<string, string> Files => _files;

    public string? ReadFile(string relativePath) => _files.TryGetValue(relativePath, out var text) ? text : null;

    public SdkType? Find(string fullName) => Types.SingleOrDefault(t => t.FullName == fullName);

    private static IEnumerable<SdkType> DeclaredTypes(string path, SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes()
            .OfType<BaseTypeDeclarationSyntax>()
            .Where(t => t.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
            .Select(t => new SdkType(path, NamespaceOf(t) + "." + t.Identifier.ValueText, t));

    private static string NamespaceOf(SyntaxNode node) =>
        string.Join(".", node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()));
}

/// <summary>A top-level type declared in the SDK.</summary>
public sealed record SdkType(string Path, string FullName, BaseTypeDeclarationSyntax Syntax)
{
    public string Name => Syntax.Identifier.ValueText;
}
