using System.Collections.Immutable;
using Grpc.Core;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>Adapts one typed handler to the untyped calls the service makes, probing its optional capabilities.</summary>
internal sealed class ResourceBinding<TInputs, TState>(IResourceHandler<TInputs, TState> handler) : ResourceBinding
    where TInputs : IPropertyModel<TInputs>
    where TState : IPropertyModel<TState>
{
    public override string Token => handler.Token;

    internal override IReadOnlySet<string> OptionalComputedInputs { get; } =
        (handler as IOptionalComputedInputs)?.OptionalComputedInputs ?? new HashSet<string>(StringComparer.Ordinal);

    internal override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken) =>
        handler is ICustomCheck check
            ? check.CheckAsync(request, cancellationToken)
            : Task.FromResult(new CheckResult(request.NewInputs, []));

    internal override DiffResult Diff(DiffRequest request, PropertyDiffer defaultDiffer)
    {
        if (handler is ICustomDiff custom)
        {
            return custom.Diff(request, defaultDiffer);
        }

        var result = defaultDiffer.Diff(request);
        return handler is IUpdatable<TInputs, TState> ? result : AllReplaces(result);
    }

    internal override PropertyMap PreviewCreate(PropertyMap inputs) =>
        handler is ICustomPreview preview ? preview.PreviewCreate(inputs) : inputs;

    internal override PropertyMap PreviewUpdate(PropertyMap oldState, PropertyMap newInputs)
    {
        if (handler is ICustomPreview preview)
        {
            return preview.PreviewUpdate(oldState, newInputs);
        }

        var merged = oldState;
        foreach (var (key, value) in newInputs)
        {
            merged = merged.With(key, value);
        }

        return merged;
    }

    internal override async Task<(string Id, PropertyMap State)> CreateAsync(CallInfo call, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var request = new CreateRequest<TInputs>
        {
            Urn = call.Urn,
            Name = call.Name,
            Type = call.Type,
            Log = call.Log,
            Timeout = call.Timeout,
            Inputs = TInputs.FromProperties(inputs),
        };
        var result = await handler.CreateAsync(request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(result.Id))
        {
            throw new InvalidOperationException($"the '{Token}' handler's Create returned an empty id");
        }

        return (result.Id, result.State.ToProperties());
    }

    internal override async Task<(string Id, PropertyMap State, PropertyMap? Inputs)?> ReadAsync(
        CallInfo call, string id, PropertyMap oldState, PropertyMap oldInputs, CancellationToken cancellationToken)
    {
        if (handler is not IReadable<TInputs, TState> readable)
        {
            throw Unsupported("read");
        }

        var request = new ReadRequest<TInputs, TState>
        {
            Urn = call.Urn,
            Name = call.Name,
            Type = call.Type,
            Log = call.Log,
            Timeout = call.Timeout,
            Id = id,
            OldState = oldState.Count == 0 ? default : TState.FromProperties(oldState),
            OldInputs = oldInputs.Count == 0 ? default : TInputs.FromProperties(oldInputs),
        };
        var result = await readable.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.Exists)
        {
            return null;
        }

        // Anything short of a clean NotFound must not look like "gone": the engine would drop the resource from state.
        if (string.IsNullOrEmpty(result.Id) || result.State is null)
        {
            throw new InvalidOperationException($"the '{Token}' handler's Read returned an id without state (or an empty id); use ReadResult.NotFound for a missing resource");
        }

        return (result.Id, result.State.ToProperties(), result.Inputs?.ToProperties());
    }

    /// <summary>Not async itself: the maps become the handler's records at once and are not kept while the update runs.</summary>
    internal override Task<PropertyMap> UpdateAsync(
        CallInfo call, string id, PropertyMap oldState, PropertyMap oldInputs, PropertyMap newInputs, IReadOnlyList<string> ignoreChanges, CancellationToken cancellationToken)
    {
        if (handler is not IUpdatable<TInputs, TState> updatable)
        {
            throw Unsupported("update");
        }

        var request = new UpdateRequest<TInputs, TState>
        {
            Urn = call.Urn,
            Name = call.Name,
            Type = call.Type,
            Log = call.Log,
            Timeout = call.Timeout,
            Id = id,
            OldState = TState.FromProperties(oldState),
            OldInputs = oldInputs.Count == 0 ? default : TInputs.FromProperties(oldInputs),
            NewInputs = TInputs.FromProperties(newInputs),
            IgnoreChanges = [.. ignoreChanges],
        };
        return StateOf(updatable.UpdateAsync(request, cancellationToken));

        static async Task<PropertyMap> StateOf(Task<UpdateResult<TState>> updating) => (await updating.ConfigureAwait(false)).State.ToProperties();
    }

    internal override Task DeleteAsync(CallInfo call, string id, PropertyMap oldState, CancellationToken cancellationToken)
    {
        if (handler is not IDeletable<TState> deletable)
        {
            // Nothing to tear down: the resource lives only in state.
            return Task.CompletedTask;
        }

        var request = new DeleteRequest<TState>
        {
            Urn = call.Urn,
            Name = call.Name,
            Type = call.Type,
            Log = call.Log,
            Timeout = call.Timeout,
            Id = id,
            OldState = TState.FromProperties(oldState),
        };
        return deletable.DeleteAsync(request, cancellationToken);
    }

    /// <summary>A handler without update can only replace, so every reported change becomes its replace kind.</summary>
    private static DiffResult AllReplaces(DiffResult result) => result with
    {
        DetailedDiff = result.DetailedDiff.ToImmutableSortedDictionary(
            pair => pair.Key,
            pair => pair.Value switch
            {
                PropertyDiffKind.Add => PropertyDiffKind.AddReplace,
                PropertyDiffKind.Delete => PropertyDiffKind.DeleteReplace,
                PropertyDiffKind.Update => PropertyDiffKind.UpdateReplace,
                _ => pair.Value,
            },
            StringComparer.Ordinal),
    };

    private RpcException Unsupported(string operation) =>
        new(new Status(StatusCode.Unimplemented, $"resource type '{Token}' does not support {operation}"));
}
