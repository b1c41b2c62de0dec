using System.Text.RegularExpressions;

namespace Otc.Sdk.Tests.Docs;

/// <summary>Absolute paths that belong to one build machine (a home folder, the build machines' work folder).</summary>
public static partial class MachinePaths
{
    /// <summary>Each absolute machine path in <paramref name="text"/>, with its line number.</summary>
    public static IEnumerable<(int Line, string Path)> In(string text) =>
        text.Split('\n').SelectMany((line, index) => AbsoluteMachinePath().Matches(line).Select(m => (index + 1, m.Value)));

    // Unix home folders (/home/x, /Users/x, /root/), the work folder the project's build machines share, and Windows profiles.
    [GeneratedRegex(@"(?<![\w.~-])(/home/[\w.-]+|/Users/[\w.-]+|/root/|/work/|[A-Za-z]:\\Users\\)")]
    private static partial Regex AbsoluteMachinePath();
}
