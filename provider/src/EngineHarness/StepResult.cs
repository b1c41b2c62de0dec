using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.EngineHarness;

/// <summary>The outcome of planning (preview) or applying (up) one resource.</summary>
public sealed record StepResult
{
    public required StepKind Kind { get; init; }

    public required string Urn { get; init; }

    /// <summary>The provider's Diff answer; null for a new resource (no Diff is called).</summary>
    public DiffResponse? Diff { get; init; }

    /// <summary>The inputs Check returned (the second Check's, for a replacement).</summary>
    public required PropertyMap CheckedInputs { get; init; }

    /// <summary>The inputs stored before this step; empty for a new resource.</summary>
    public PropertyMap OldInputs { get; init; } = PropertyMap.Empty;

    /// <summary>The outputs before this step; empty for a new resource.</summary>
    public PropertyMap OldOutputs { get; init; } = PropertyMap.Empty;

    /// <summary>Outputs returned by Create/Update (preview: the would-be outputs, maybe with unknowns); null for Same.</summary>
    public PropertyMap? Outputs { get; init; }

    /// <summary>The id after the step (empty in a preview of a create).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>For a replacement: the id of the resource that was (or would be) deleted.</summary>
    public string? ReplacedId { get; init; }

    /// <summary>For a replacement: whether the old resource is deleted before the new one is created.</summary>
    public bool DeleteBeforeReplace { get; init; }

    public bool IsPreview { get; init; }

    /// <summary>Top-level keys the provider reported as changed: detailed-diff roots, else <c>diffs</c>.</summary>
    public IReadOnlyList<string> ChangedKeys => Diff is null
        ? []
        : [.. Diff.DetailedDiff.Keys.Select(PropertyPathRoot.Of).Concat(Diff.Diffs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
