using Otc.ProviderHost.Protocol;

namespace Otc.EngineHarness;

/// <summary>Check returned failures: the engine marks the resource invalid and stops.</summary>
public sealed class CheckFailedException : Exception
{
    public CheckFailedException(string urn, IReadOnlyList<CheckFailure> failures)
        : base($"Check of {urn} failed: " + string.Join("; ", failures.Select(f => $"{f.Property}: {f.Reason}")))
    {
        Urn = urn;
        Failures = failures;
    }

    public string Urn { get; }

    public IReadOnlyList<CheckFailure> Failures { get; }
}
