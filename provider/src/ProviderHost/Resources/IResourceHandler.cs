using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>One handler class per resource type token. The dispatcher finds handlers by <see cref="Token"/>.</summary>
public interface IResourceHandler
{
    /// <summary>The Pulumi type token, e.g. <c>pkg:module:Type</c>.</summary>
    string Token { get; }
}

/// <summary>
/// The required capability: create. Optional capabilities are the separate interfaces below
/// (<see cref="ICustomCheck"/>, <see cref="ICustomDiff"/>, <see cref="IReadable{TInputs,TState}"/>,
/// <see cref="IUpdatable{TInputs,TState}"/>, <see cref="IDeletable{TState}"/>, <see cref="ICustomPreview"/>);
/// the host checks which ones a handler implements. A handler without update is replace-only.
/// </summary>
public interface IResourceHandler<TInputs, TState> : IResourceHandler
    where TInputs : IPropertyModel<TInputs>
    where TState : IPropertyModel<TState>
{
    /// <summary>Creates the resource (never called during preview). Failing after the cloud assigned an id must throw <see cref="ResourceInitFailedException"/>.</summary>
    Task<CreateResult<TState>> CreateAsync(CreateRequest<TInputs> request, CancellationToken cancellationToken);
}

/// <summary>Validates program inputs and applies defaults. Works on raw maps because preview inputs may hold unknowns.</summary>
public interface ICustomCheck
{
    Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken);
}

/// <summary>Takes over the diff. Without it the host's <see cref="PropertyDiffer"/> compares old and new inputs, with replace rules from the schema.</summary>
public interface ICustomDiff
{
    DiffResult Diff(DiffRequest request, PropertyDiffer defaultDiffer);
}

/// <summary>
/// Declares the optional inputs the cloud fills in when the program leaves them out (Terraform's Optional+Computed).
/// For these the default diff reads an absent new value as "whatever the cloud chose": never a change, in either
/// direction (so refresh and import stay quiet), while a value the program sets is compared with the old input, or,
/// when the old inputs lack it, with the value the cloud reported in the state.
/// </summary>
public interface IOptionalComputedInputs
{
    IReadOnlySet<string> OptionalComputedInputs { get; }
}

/// <summary>Computes preview outputs without side effects. Without it the host echoes the inputs (create) or lays the new inputs over the old state (update).</summary>
public interface ICustomPreview
{
    PropertyMap PreviewCreate(PropertyMap inputs);

    PropertyMap PreviewUpdate(PropertyMap oldState, PropertyMap newInputs);
}

public interface IReadable<TInputs, TState>
    where TInputs : IPropertyModel<TInputs>
    where TState : IPropertyModel<TState>
{
    /// <summary>Reads live state. Return <see cref="ReadResult{TInputs,TState}.NotFound"/> only for a definite not-found.</summary>
    Task<ReadResult<TInputs, TState>> ReadAsync(ReadRequest<TInputs, TState> request, CancellationToken cancellationToken);
}

public interface IUpdatable<TInputs, TState>
    where TInputs : IPropertyModel<TInputs>
    where TState : IPropertyModel<TState>
{
    /// <summary>Updates in place (never called during preview). A half-applied update must throw <see cref="ResourceInitFailedException"/> with the live state.</summary>
    Task<UpdateResult<TState>> UpdateAsync(UpdateRequest<TInputs, TState> request, CancellationToken cancellationToken);
}

public interface IDeletable<TState>
    where TState : IPropertyModel<TState>
{
    /// <summary>Deletes; not-found counts as success. Must leave the resource in place when it throws.</summary>
    Task DeleteAsync(DeleteRequest<TState> request, CancellationToken cancellationToken);
}
