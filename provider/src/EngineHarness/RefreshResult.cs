using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.EngineHarness;

/// <summary>
/// What a refresh of one resource found. <see cref="Diff"/> is the provider's answer to the engine's swapped Diff
/// (old = what Read returned, new = the inputs before the refresh); the engine inverts it for display.
/// </summary>
public sealed record RefreshResult
{
    public required string Urn { get; init; }

    /// <summary>Read returned an empty id: the resource is gone and was dropped from the state.</summary>
    public bool Gone { get; init; }

    public required PropertyMap InputsBefore { get; init; }

    public required PropertyMap OutputsBefore { get; init; }

    /// <summary>The inputs Read reconstructed from the live resource (the old inputs when it returned none).</summary>
    public PropertyMap InputsAfter { get; init; } = PropertyMap.Empty;

    public PropertyMap OutputsAfter { get; init; } = PropertyMap.Empty;

    public DiffResponse? Diff { get; init; }

    /// <summary>Reasons of a partial failure from Read (the engine turns them into a warning and keeps them).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool HasDrift => Diff is { Changes: DiffResponse.Types.DiffChanges.DiffSome };

    /// <summary>The drifted top-level keys.</summary>
    public IReadOnlyList<string> DriftedKeys => Diff is null
        ? []
        : [.. Diff.DetailedDiff.Keys.Select(PropertyPathRoot.Of).Concat(Diff.Diffs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
