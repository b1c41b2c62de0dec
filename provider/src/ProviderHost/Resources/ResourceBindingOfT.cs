using System.Collections.Immutable;
using Grpc.Core;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>
/// Adapts one typed handler to the untyped calls the service makes, probing its optional capabilities. Every map it is
/// given has passed the schema's rules (<see cref="HostedResource"/>), so reading the models cannot meet a surprise.
/// </summary>
internal sealed class ResourceBinding<TInputs, TState>(IResourceHandler<TInputs, TState> handler) : ResourceBinding
    where TInputs : IPropertyModel<TInputs>, new()
    where TState : IPropertyModel<TState>, new()
{
    public override string Token => handler.Token;

    internal override IReadOnlySet<string> OptionalComputedInputs { get; } = TInputs.Properties.NamesWith(PropertyFlags.OptionalComputed);

    internal override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var newInputs = PropertyModel.FromProperties<TInputs>(request.NewInputs);
        CheckResult<TInputs> result;
        if (handler is ICustomCheck<TInputs> check)
        {
            result = await check.CheckAsync(
                new CheckRequest<TInputs>
                {
                    Urn = request.Urn,
                    Name = request.Name,
                    Type = request.Type,
                    Log = request.Log,
                    OldInputs = StoredOrNull<TInputs>(request.OldInputs),
                    NewInputs = newInputs,
                    RandomSeed = request.RandomSeed,
                },
                cancellationToken).ConfigureAwait(false);
        }
        else if (newInputs is ISelfChecking<TInputs> model)
        {
            result = model.Check();
        }
        else
        {
            return new CheckResult(request.NewInputs, []);
        }

        // Engine-internal keys are not the model's, but they belong to the inputs the engine gets back.
        var inputs = result.Inputs.ToProperties();
        foreach (var (key, value) in request.NewInputs.Where(pair => pair.Key.StartsWith("__", StringComparison.Ordinal)))
        {
            inputs = inputs.With(key, value);
        }

        return new CheckResult(inputs, result.Failures);
    }

    internal override DiffResult Diff(DiffRequest request, PropertyDiffer differ)
    {
        var oldInputs = Canonical(PropertyModel.FromProperties<TInputs>(request.OldInputs));
        var newInputs = Canonical(PropertyModel.FromProperties<TInputs>(request.NewInputs));
        var oldState = Canonical(PropertyModel.FromStoredProperties<TState>(request.OldState));
        var result = differ.Diff(request with
        {
            OldInputs = oldInputs.ToProperties(),
            NewInputs = newInputs.ToProperties(),
            OldState = oldState.ToProperties(),
        });

        if (handler is ICustomDiff<TInputs, TState> custom)
        {
            return custom.Diff(
                new DiffRequest<TInputs, TState>
                {
                    Urn = request.Urn,
                    Name = request.Name,
                    Type = request.Type,
                    Log = request.Log,
                    Id = request.Id,
                    OldState = oldState,
                    OldInputs = oldInputs,
                    NewInputs = newInputs,
                    IgnoreChanges = request.IgnoreChanges,
                },
                result);
        }

        return handler is IUpdatable<TInputs, TState> ? result : AllReplaces(result);
    }

    internal override PropertyMap PreviewCreate(PropertyMap inputs) =>
        handler is ICustomPreview<TInputs, TState> preview
            ? preview.PreviewCreate(PropertyModel.FromProperties<TInputs>(inputs)).ToProperties()
            : inputs;

    internal override PropertyMap PreviewUpdate(PropertyMap oldState, PropertyMap newInputs)
    {
        if (handler is ICustomPreview<TInputs, TState> preview)
        {
            return preview.PreviewUpdate(PropertyModel.FromStoredProperties<TState>(oldState), PropertyModel.FromProperties<TInputs>(newInputs)).ToProperties();
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
            Inputs = PropertyModel.FromProperties<TInputs>(inputs),
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
            OldState = StoredOrNull<TState>(oldState),
            OldInputs = StoredOrNull<TInputs>(oldInputs),
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
            OldState = PropertyModel.FromStoredProperties<TState>(oldState),
            OldInputs = OrNull<TInputs>(oldInputs),
            NewInputs = PropertyModel.FromProperties<TInputs>(newInputs),
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
            OldState = PropertyModel.FromStoredProperties<TState>(oldState),
        };
        return deletable.DeleteAsync(request, cancellationToken);
    }

    /// <summary>The stored model, read tolerantly, or null for an empty map (nothing was sent: a create, an import).</summary>
    private static TModel? StoredOrNull<TModel>(PropertyMap properties)
        where TModel : IPropertyModel<TModel>, new() =>
        properties.Count == 0 ? default : PropertyModel.FromStoredProperties<TModel>(properties);

    /// <summary>The model, or null for an empty map (nothing was sent: a create, an import).</summary>
    private static TModel? OrNull<TModel>(PropertyMap properties)
        where TModel : IPropertyModel<TModel>, new() =>
        properties.Count == 0 ? default : PropertyModel.FromProperties<TModel>(properties);

    private static TModel Canonical<TModel>(TModel model) => model is IDiffNormalised<TModel> normalised ? normalised.NormalisedForDiff() : model;

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
