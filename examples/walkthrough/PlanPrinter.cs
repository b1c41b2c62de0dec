using Otc.EmulatorHarness;
using Otc.EngineHarness;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;
using Kind = Otc.ProviderHost.Protocol.PropertyDiff.Types.Kind;

namespace Otc.Walkthrough;

/// <summary>Prints plans, results and API calls in the spirit of Pulumi's CLI output.</summary>
internal sealed class PlanPrinter(TextWriter output)
{
    public void Heading(int number, string title)
    {
        output.WriteLine();
        output.WriteLine($"── Step {number}: {title} " + new string('─', Math.Max(4, 66 - title.Length)));
    }

    public void Command(string command) => output.WriteLine($"$ {command}");

    public void Line(string text) => output.WriteLine(text);

    public void Step(string type, string name, StepResult step, string? timing = null)
    {
        var (symbol, verb) = (step.Kind, step.IsPreview) switch
        {
            (StepKind.Same, _) => (" ", "same"),
            (StepKind.Create, true) => ("+", "create"),
            (StepKind.Create, false) => ("+", "created"),
            (StepKind.Update, true) => ("~", "update"),
            (StepKind.Update, false) => ("~", "updated"),
            (StepKind.Replace, true) => ("+-", "replace"),
            (StepKind.Replace, false) => ("+-", "replaced"),
            _ => ("-", "delete"),
        };
        var replaceKeys = step.Diff?.DetailedDiff.Where(pair => IsReplace(pair.Value.Kind)).Select(pair => "~" + pair.Key).ToList() ?? [];
        var marker = replaceKeys.Count > 0 ? $" [diff: {string.Join(", ", replaceKeys)}]" : string.Empty;
        var order = step.Kind == StepKind.Replace ? (step.DeleteBeforeReplace ? " (delete before replace)" : " (create before delete)") : string.Empty;
        output.WriteLine($"  {symbol,-2} {type} {name} {verb}{marker}{order}{(timing is null ? string.Empty : $" ({timing})")}");

        if (step.Kind == StepKind.Create && step.IsPreview)
        {
            foreach (var (key, value) in step.CheckedInputs)
            {
                output.WriteLine($"        + {key}: {ValueText.Of(value)}");
            }
        }
        else if (step.Diff is not null)
        {
            WriteDetails(step.Diff, step.OldInputs, step.CheckedInputs);
        }
    }

    public void Refresh(string type, string name, RefreshResult refresh)
    {
        if (refresh.Gone)
        {
            output.WriteLine($"  -  {type} {name} deleted (gone from the cloud)");
            return;
        }

        if (!refresh.HasDrift)
        {
            output.WriteLine($"     {type} {name} (no drift)");
            return;
        }

        // The engine shows refresh diffs inverted: from the state it had to what the cloud reports now.
        output.WriteLine($"  ~  {type} {name} drifted");
        foreach (var (path, diff) in refresh.Diff!.DetailedDiff.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var before = Lookup(refresh.InputsBefore, path);
            var after = Lookup(refresh.InputsAfter, path);
            output.WriteLine($"      ~ {path}: {ValueText.Of(before)} => {ValueText.Of(after)}");
        }
    }

    public void Deleted(string type, string name, string timing) => output.WriteLine($"  -  {type} {name} deleted ({timing})");

    public void Calls(IReadOnlyList<ApiCall> calls)
    {
        var changes = calls.Where(call => call.Method != "GET").ToList();
        var reads = calls.Count - changes.Count;
        if (calls.Count == 0)
        {
            output.WriteLine("  API calls: none");
            return;
        }

        output.WriteLine($"  API calls: {changes.Count} changing, {reads} GET (reads and status polls)");
        foreach (var call in changes)
        {
            output.WriteLine($"    {call}");
        }
    }

    private void WriteDetails(DiffResponse diff, PropertyMap oldInputs, PropertyMap newInputs)
    {
        foreach (var (path, detail) in diff.DetailedDiff.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var oldValue = Lookup(oldInputs, path);
            var newValue = Lookup(newInputs, path);
            var line = detail.Kind switch
            {
                Kind.Add or Kind.AddReplace => $"+ {path}: {ValueText.Of(newValue)}",
                Kind.Delete or Kind.DeleteReplace => $"- {path}: {ValueText.Of(oldValue)}",
                _ => $"~ {path}: {ValueText.Of(oldValue)} => {ValueText.Of(newValue)}",
            };
            output.WriteLine($"      {line}{(IsReplace(detail.Kind) ? "  (forces replacement)" : string.Empty)}");
        }
    }

    /// <summary>Resolves <c>name</c> and <c>name.key</c> paths (what this resource's detailed diffs use).</summary>
    private static PropertyValue Lookup(PropertyMap map, string path)
    {
        var root = PropertyPathRoot.Of(path);
        var value = map.GetOrNull(root);
        if (path.Length > root.Length && path[root.Length] == '.' && value.TryGetObject(out var nested))
        {
            return nested.GetOrNull(path[(root.Length + 1)..]);
        }

        return value;
    }

    private static bool IsReplace(Kind kind) => kind is Kind.AddReplace or Kind.DeleteReplace or Kind.UpdateReplace;
}
