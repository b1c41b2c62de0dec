namespace Otc.Provider.Configuration;

/// <summary>A configuration problem. <see cref="IsMissing"/> problems can be fixed by setting <see cref="Keys"/>; the others contradict each other.</summary>
internal sealed record ConfigProblem(bool IsMissing, IReadOnlyList<ConfigKey> Keys, string Message)
{
    /// <summary>The key a failure is reported on: the first one involved.</summary>
    public string Property => Keys.Count == 0 ? "" : Keys[0].Name;
}
