using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Otc.Sdk.Tests.Schema;

namespace Otc.Sdk.Tests.Docs;

/// <summary>
/// What a user reading the README can reach: every resource and function of a schema named and linked there, its page
/// titled with the token, a C# example that parses, and for resources an <c>## Import</c> section with the
/// <c>pulumi import</c> command. Lists every gap as a sentence; an empty list means full coverage.
/// </summary>
public static partial class DocsCoverage
{
    /// <param name="schema">The package whose tokens must be documented.</param>
    /// <param name="readme">The README's text; its links are relative to the repository root.</param>
    /// <param name="readRepositoryFile">Reads a file by its path relative to the repository root; null when it does not exist.</param>
    public static IReadOnlyList<string> Problems(PackageSchema schema, string readme, Func<string, string?> readRepositoryFile)
    {
        var problems = new List<string>();
        foreach (var token in schema.Resources.Select(r => r.Token))
        {
            Page(problems, token, importable: true, readme, readRepositoryFile);
        }
        foreach (var token in schema.Functions.Select(f => f.Token))
        {
            Page(problems, token, importable: false, readme, readRepositoryFile);
        }
        return problems;
    }

    /// <summary>The C# code blocks of a Markdown text, in order.</summary>
    public static IReadOnlyList<string> CSharpBlocks(string markdown) =>
        CSharpBlock().Matches(markdown).Select(m => m.Groups["code"].Value).ToList();

    /// <summary>The syntax errors of a C# snippet, read as a script (top-level statements and declarations).</summary>
    public static IReadOnlyList<string> SyntaxErrors(string code) =>
        CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script))
            .GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();

    private static void Page(List<string> problems, string token, bool importable, string readme, Func<string, string?> readRepositoryFile)
    {
        var link = Regex.Match(readme, @"\[`" + Regex.Escape(token) + @"`\]\((?<target>[^)#\s]+)(#[^)\s]*)?\)");
        if (!link.Success)
        {
            problems.Add($"{token}: the README does not name and link it as [`{token}`](<page>)");
            return;
        }
        var path = link.Groups["target"].Value;
        var page = readRepositoryFile(path);
        if (page is null)
        {
            problems.Add($"{token}: the README links to {path}, which does not exist");
            return;
        }
        if (!page.StartsWith("# " + token + "\n", StringComparison.Ordinal))
        {
            problems.Add($"{token}: {path} does not start with the heading '# {token}'");
        }
        var examples = CSharpBlocks(page);
        if (examples.Count == 0)
        {
            problems.Add($"{token}: {path} has no C# example (a ```csharp block)");
        }
        foreach (var error in examples.SelectMany(SyntaxErrors))
        {
            problems.Add($"{token}: a C# example in {path} does not parse: {error}");
        }
        if (importable)
        {
            ImportSection(problems, token, path, page);
        }
    }

    private static void ImportSection(List<string> problems, string token, string path, string page)
    {
        var section = ImportHeading().Match(page);
        if (!section.Success)
        {
            problems.Add($"{token}: {path} has no '## Import' section");
            return;
        }
        var next = page.IndexOf("\n## ", section.Index + section.Length, StringComparison.Ordinal);
        var body = next < 0 ? page[section.Index..] : page[section.Index..next];
        if (!body.Contains("pulumi import " + token + " ", StringComparison.Ordinal))
        {
            problems.Add($"{token}: the '## Import' section of {path} does not show 'pulumi import {token} <name> <id>'");
        }
    }

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^## Import\s*$", RegexOptions.Multiline)]
    private static partial Regex ImportHeading();
}
