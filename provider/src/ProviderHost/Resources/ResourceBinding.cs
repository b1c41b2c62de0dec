using Otc.ProviderHost.Models;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>
/// A registered resource handler with its typed inputs and state erased, so the service can dispatch by token without
/// reflection. Create one with <see cref="For{TInputs,TState}"/>; <see cref="HostedResource"/> puts it to work with the schema.
/// </summary>
public abstract class ResourceBinding
{
    private protected ResourceBinding()
    {
    }

    public abstract string Token { get; }

    /// <summary>The inputs the model marks <see cref="PropertyFlags.OptionalComputed"/>.</summary>
    internal abstract IReadOnlySet<string> OptionalComputedInputs { get; }

    /// <summary>Binds a handler; the compiler infers the input and state types from the handler.</summary>
    public static ResourceBinding For<TInputs, TState>(IResourceHandler<TInputs, TState> handler)
        where TInputs : IPropertyModel<TInputs>, new()
        where TState : IPropertyModel<TState>, new() =>
        new ResourceBinding<TInputs, TState>(handler);

    /// <summary>The handler's checks on inputs that passed the schema's; returns the checked inputs and the handler's failures.</summary>
    internal abstract Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken);

    internal abstract DiffResult Diff(DiffRequest request, PropertyDiffer differ);

    internal abstract PropertyMap PreviewCreate(PropertyMap inputs);

    internal abstract PropertyMap PreviewUpdate(PropertyMap oldState, PropertyMap newInputs);

    internal abstract Task<(string Id, PropertyMap State)> CreateAsync(CallInfo call, PropertyMap inputs, CancellationToken cancellationToken);

    /// <summary>Returns null for a definite not-found. Inputs are null when the handler cannot say (the engine then keeps the old ones).</summary>
    internal abstract Task<(string Id, PropertyMap State, PropertyMap? Inputs)?> ReadAsync(
        CallInfo call, string id, PropertyMap oldState, PropertyMap oldInputs, CancellationToken cancellationToken);

    internal abstract Task<PropertyMap> UpdateAsync(
        CallInfo call, string id, PropertyMap oldState, PropertyMap oldInputs, PropertyMap newInputs, IReadOnlyList<string> ignoreChanges, CancellationToken cancellationToken);

    internal abstract Task DeleteAsync(CallInfo call, string id, PropertyMap oldState, CancellationToken cancellationToken);

    /// <summary>What every call carries besides its payload.</summary>
    internal sealed record CallInfo(string Urn, string Name, string Type, Engine.IResourceLog Log, TimeSpan? Timeout);
}
