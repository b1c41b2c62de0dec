using System.Collections.Immutable;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>What every resource call knows about the resource it acts on.</summary>
public abstract record ResourceCallContext
{
    public required string Urn { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    /// <summary>Messages to the user, attached to this resource in the engine's display.</summary>
    public required IResourceLog Log { get; init; }
}

public sealed record CheckRequest : ResourceCallContext
{
    /// <summary>The previous checked inputs; empty on create and on replace.</summary>
    public required PropertyMap OldInputs { get; init; }

    /// <summary>The program's inputs; may hold unknowns during preview.</summary>
    public required PropertyMap NewInputs { get; init; }

    public ImmutableArray<byte> RandomSeed { get; init; } = [];
}

/// <summary>Check on the typed inputs: the schema's rules have been applied (a value that broke one is unknown here).</summary>
public sealed record CheckRequest<TInputs> : ResourceCallContext
{
    /// <summary>The previous checked inputs; null on create and on replace.</summary>
    public TInputs? OldInputs { get; init; }

    /// <summary>The program's inputs, with the schema's defaults; may hold unknowns during preview.</summary>
    public required TInputs NewInputs { get; init; }

    public ImmutableArray<byte> RandomSeed { get; init; } = [];
}

public sealed record CheckFailure(string Property, string Reason);

public sealed record CheckResult(PropertyMap Inputs, IReadOnlyList<CheckFailure> Failures)
{
    public bool IsValid => Failures.Count == 0;
}

/// <summary>The checked inputs (e.g. normalised where the resource wants one spelling) and the failures of the resource's own rules.</summary>
public sealed record CheckResult<TInputs>(TInputs Inputs, IReadOnlyList<CheckFailure> Failures);

public sealed record DiffRequest : ResourceCallContext
{
    public required string Id { get; init; }

    /// <summary>The previous outputs (state).</summary>
    public required PropertyMap OldState { get; init; }

    /// <summary>The previous checked inputs; empty when an old engine did not send them.</summary>
    public required PropertyMap OldInputs { get; init; }

    /// <summary>The new checked inputs; may hold unknowns during preview.</summary>
    public required PropertyMap NewInputs { get; init; }

    public ImmutableArray<string> IgnoreChanges { get; init; } = [];
}

/// <summary>Diff on the typed models, each in canonical form (see <see cref="IDiffNormalised{TSelf}"/>).</summary>
public sealed record DiffRequest<TInputs, TState> : ResourceCallContext
{
    public required string Id { get; init; }

    public required TState OldState { get; init; }

    /// <summary>The previous checked inputs (from the state's input properties when an old engine did not send them).</summary>
    public required TInputs OldInputs { get; init; }

    public required TInputs NewInputs { get; init; }

    public ImmutableArray<string> IgnoreChanges { get; init; } = [];
}

public enum PropertyDiffKind
{
    Add = 0,
    AddReplace = 1,
    Delete = 2,
    DeleteReplace = 3,
    Update = 4,
    UpdateReplace = 5,
}

/// <summary>
/// The answer to Diff. <see cref="DetailedDiff"/> maps property paths (e.g. <c>ports</c>, <c>tags["env"]</c>)
/// to their change kind; replacement follows from the *Replace kinds.
/// </summary>
public sealed record DiffResult
{
    public static DiffResult None { get; } = new() { DetailedDiff = ImmutableSortedDictionary<string, PropertyDiffKind>.Empty };

    public required ImmutableSortedDictionary<string, PropertyDiffKind> DetailedDiff { get; init; }

    public bool DeleteBeforeReplace { get; init; }

    public bool HasChanges => !DetailedDiff.IsEmpty;

    public bool RequiresReplace => DetailedDiff.Values.Any(kind => kind is PropertyDiffKind.AddReplace or PropertyDiffKind.DeleteReplace or PropertyDiffKind.UpdateReplace);
}

public sealed record CreateRequest<TInputs> : ResourceCallContext
{
    public required TInputs Inputs { get; init; }

    /// <summary>The engine's custom timeout, or null to use the resource's default.</summary>
    public TimeSpan? Timeout { get; init; }
}

public sealed record CreateResult<TState>(string Id, TState State);

public sealed record ReadRequest<TInputs, TState> : ResourceCallContext
{
    public required string Id { get; init; }

    /// <summary>The stored state; null for an import, which has only the id.</summary>
    public TState? OldState { get; init; }

    /// <summary>The stored inputs; null for an import or a <c>.get</c>.</summary>
    public TInputs? OldInputs { get; init; }

    public TimeSpan? Timeout { get; init; }
}

public sealed record ReadResult<TInputs, TState>
{
    public static ReadResult<TInputs, TState> NotFound { get; } = new();

    public string? Id { get; init; }

    public TState? State { get; init; }

    /// <summary>The inputs that would reproduce the live resource; shaped like Check's output.</summary>
    public TInputs? Inputs { get; init; }

    public bool Exists => Id is not null;

    public static ReadResult<TInputs, TState> Found(string id, TState state, TInputs inputs) =>
        new() { Id = id, State = state, Inputs = inputs };
}

public sealed record UpdateRequest<TInputs, TState> : ResourceCallContext
{
    public required string Id { get; init; }

    public required TState OldState { get; init; }

    /// <summary>The previous checked inputs; null when an old engine did not send them.</summary>
    public TInputs? OldInputs { get; init; }

    public required TInputs NewInputs { get; init; }

    public TimeSpan? Timeout { get; init; }

    public ImmutableArray<string> IgnoreChanges { get; init; } = [];
}

public sealed record UpdateResult<TState>(TState State);

public sealed record DeleteRequest<TState> : ResourceCallContext
{
    public required string Id { get; init; }

    public required TState OldState { get; init; }

    public TimeSpan? Timeout { get; init; }
}
