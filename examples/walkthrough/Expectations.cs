namespace Otc.Walkthrough;

/// <summary>What each step must show; the walkthrough doubles as a smoke test and fails when any check does.</summary>
internal sealed class Expectations(TextWriter output)
{
    private readonly List<string> _failures = [];
    private readonly HashSet<int> _failedSteps = [];

    public int CurrentStep { get; set; }

    public IReadOnlyList<string> Failures => _failures;

    public int FailedStepCount => _failedSteps.Count;

    public void Expect(bool holds, string what)
    {
        if (holds)
        {
            return;
        }

        _failures.Add($"step {CurrentStep}: {what}");
        _failedSteps.Add(CurrentStep);
        output.WriteLine($"  !! expected: {what}");
    }
}
