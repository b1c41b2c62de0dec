using Otc.ProviderHost.Models;

namespace Otc.ProviderHost.Resources;

/// <summary>One handler class per resource type token. The dispatcher finds handlers by <see cref="Token"/>.</summary>
public interface IResourceHandler
{
    /// <summary>The Pulumi type token, e.g. <c>pkg:module:Type</c>.</summary>
    string Token { get; }
}

/// <summary>
/// The required capability: create. Optional capabilities are the separate interfaces below (<see cref="ICustomCheck{TInputs}"/>,
/// <see cref="ICustomDiff{TInputs,TState}"/>, <see cref="ICustomPreview{TInputs,TState}"/>, <see cref="IReadable{TInputs,TState}"/>,
/// <see cref="IUpdatable{TInputs,TState}"/>, <see cref="IDeletable{TState}"/>); the host checks which ones a handler
/// implements. A handler without update is replace-only. Every call works on the typed models, preview included
/// (their <see cref="Input{T}"/> values say what is unknown); the host has checked the values against the schema first.
/// </summary>
public interface IResourceHandler<TInputs, TState> : IResourceHandler
    where TInputs : IPropertyModel<TInputs>, new()
    where TState : IPropertyModel<TState>, new()
{
    /// <summary>Creates the resource (never called during preview). Failing after the cloud assigned an id must throw <see cref="ResourceInitFailedException"/>.</summary>
    Task<CreateResult<TState>> CreateAsync(CreateRequest<TInputs> request, CancellationToken cancellationToken);
}

/// <summary>
/// Takes Check over from the model's own rules (<see cref="ISelfChecking{TSelf}"/>), e.g. where a check needs the call's
/// context. The schema's rules (types, requiredness, defaults) still come first, in the host. Values may be unknown
/// during preview; rules skip them.
/// </summary>
public interface ICustomCheck<TInputs>
    where TInputs : IPropertyModel<TInputs>, new()
{
    Task<CheckResult<TInputs>> CheckAsync(CheckRequest<TInputs> request, CancellationToken cancellationToken);
}

/// <summary>
/// Refines the default diff. The host compares the canonical forms (<see cref="IDiffNormalised{TSelf}"/>) of the old and
/// new inputs with the schema's replace rules and the models' optional+computed properties, then hands its answer here.
/// </summary>
public interface ICustomDiff<TInputs, TState>
    where TInputs : IPropertyModel<TInputs>, new()
    where TState : IPropertyModel<TState>, new()
{
    /// <param name="request">The old and new inputs and the old state, already in canonical form.</param>
    /// <param name="result">The host's diff of the canonical forms.</param>
    DiffResult Diff(DiffRequest<TInputs, TState> request, DiffResult result);
}

/// <summary>Computes preview outputs without side effects. Without it the host echoes the inputs (create) or lays the new inputs over the old state (update).</summary>
public interface ICustomPreview<TInputs, TState>
    where TInputs : IPropertyModel<TInputs>, new()
    where TState : IPropertyModel<TState>, new()
{
    TState PreviewCreate(TInputs inputs);

    TState PreviewUpdate(TState oldState, TInputs newInputs);
}

public interface IReadable<TInputs, TState>
    where TInputs : IPropertyModel<TInputs>, new()
    where TState : IPropertyModel<TState>, new()
{
    /// <summary>Reads live state. Return <see cref="ReadResult{TInputs,TState}.NotFound"/> only for a definite not-found.</summary>
    Task<ReadResult<TInputs, TState>> ReadAsync(ReadRequest<TInputs, TState> request, CancellationToken cancellationToken);
}

public interface IUpdatable<TInputs, TState>
    where TInputs : IPropertyModel<TInputs>, new()
    where TState : IPropertyModel<TState>, new()
{
    /// <summary>Updates in place (never called during preview). A half-applied update must throw <see cref="ResourceInitFailedException"/> with the live state.</summary>
    Task<UpdateResult<TState>> UpdateAsync(UpdateRequest<TInputs, TState> request, CancellationToken cancellationToken);
}

public interface IDeletable<TState>
    where TState : IPropertyModel<TState>, new()
{
    /// <summary>Deletes; not-found counts as success. Must leave the resource in place when it throws.</summary>
    Task DeleteAsync(DeleteRequest<TState> request, CancellationToken cancellationToken);
}
