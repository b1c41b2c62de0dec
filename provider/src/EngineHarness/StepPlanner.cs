using Grpc.Core;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;
using DiffChanges = Otc.ProviderHost.Protocol.DiffResponse.Types.DiffChanges;
using DiffKind = Otc.ProviderHost.Protocol.PropertyDiff.Types.Kind;

namespace Otc.EngineHarness;

/// <summary>
/// The engine's steps for one resource of a program: Check, Diff, then nothing, Create, Update or a replacement
/// (create-before-delete unless the provider or the options ask for delete-first), as <c>preview</c> (no checkpoint
/// change, <c>preview = true</c>) or <c>up</c>; and <c>destroy</c>. A partly created or updated resource is recorded the
/// way the engine records it.
/// </summary>
internal sealed class StepPlanner(ProviderRpc rpc, Checkpoint checkpoint)
{
    /// <summary>Plans (and unless <paramref name="preview"/>, applies) the step from <paramref name="old"/>, the resource as stored or refreshed.</summary>
    public async Task<StepResult> StepAsync(
        string type, string name, PropertyMap programInputs, ResourceOptions options, bool preview, StackResource? old, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programInputs);
        var urn = checkpoint.UrnOf(type, name);
        if (old is null)
        {
            var createChecked = await rpc.CheckOrThrowAsync(type, urn, name, PropertyMap.Empty, programInputs, cancellationToken).ConfigureAwait(false);
            var (id, outputs) = await CreateAsync(type, name, urn, createChecked, options, preview, cancellationToken).ConfigureAwait(false);
            return new StepResult { Kind = StepKind.Create, Urn = urn, CheckedInputs = createChecked, Outputs = outputs, Id = id, IsPreview = preview };
        }

        var news = ApplyIgnoreChanges(programInputs, old.Inputs, options.IgnoreChanges);
        var checkedInputs = await rpc.CheckOrThrowAsync(type, urn, name, old.Inputs, news, cancellationToken).ConfigureAwait(false);
        var diff = await rpc.DiffAsync(old, checkedInputs, options, cancellationToken).ConfigureAwait(false);
        var step = new StepResult
        {
            Kind = StepKind.Same,
            Urn = urn,
            Diff = diff,
            CheckedInputs = checkedInputs,
            OldInputs = old.Inputs,
            OldOutputs = old.Outputs,
            Id = old.Id,
            IsPreview = preview,
        };

        if (IsReplace(diff))
        {
            return await ReplaceAsync(old, programInputs, options, preview, step, diff, cancellationToken).ConfigureAwait(false);
        }

        var changed = diff.Changes switch
        {
            DiffChanges.DiffSome => true,
            DiffChanges.DiffNone => false,
            // Legacy answer: the engine compares inputs itself.
            _ => !checkedInputs.ValueEquals(old.Inputs),
        };

        // A resource with init errors is always updated, so the provider can finish what failed.
        if (!changed && !old.HasInitErrors)
        {
            return step;
        }

        var updated = await UpdateAsync(old, checkedInputs, options, preview, cancellationToken).ConfigureAwait(false);
        return step with { Kind = StepKind.Update, Outputs = updated };
    }

    /// <summary>Delete with the old outputs and old inputs, then drop the resource from the checkpoint.</summary>
    public async Task DestroyAsync(StackResource resource, ResourceOptions options, CancellationToken cancellationToken)
    {
        await rpc.DeleteAsync(resource, options, cancellationToken).ConfigureAwait(false);
        checkpoint.Remove(resource.Urn);
    }

    private async Task<StepResult> ReplaceAsync(
        StackResource old, PropertyMap programInputs, ResourceOptions options, bool preview, StepResult step, DiffResponse diff, CancellationToken cancellationToken)
    {
        // A replacement is checked afresh: no olds, so defaults are recomputed.
        var replacementInputs = await rpc.CheckOrThrowAsync(old.Type, old.Urn, old.Name, PropertyMap.Empty, programInputs, cancellationToken).ConfigureAwait(false);
        var deleteFirst = options.DeleteBeforeReplace ?? diff.DeleteBeforeReplace;
        step = step with { Kind = StepKind.Replace, CheckedInputs = replacementInputs, ReplacedId = old.Id, DeleteBeforeReplace = deleteFirst };
        if (preview)
        {
            var (_, previewOutputs) = await CreateAsync(old.Type, old.Name, old.Urn, replacementInputs, options, preview: true, cancellationToken).ConfigureAwait(false);
            return step with { Outputs = previewOutputs, Id = string.Empty };
        }

        if (deleteFirst)
        {
            await DestroyAsync(old, options, cancellationToken).ConfigureAwait(false);
        }

        var (id, outputs) = await CreateAsync(old.Type, old.Name, old.Urn, replacementInputs, options, preview: false, cancellationToken).ConfigureAwait(false);
        if (!deleteFirst)
        {
            // Create-before-delete: the old resource goes once its replacement exists.
            await rpc.DeleteAsync(old, options, cancellationToken).ConfigureAwait(false);
        }

        return step with { Outputs = outputs, Id = id };
    }

    private async Task<(string Id, PropertyMap Outputs)> CreateAsync(
        string type, string name, string urn, PropertyMap inputs, ResourceOptions options, bool preview, CancellationToken cancellationToken)
    {
        try
        {
            var response = await rpc.Client.CreateAsync(new CreateRequest
            {
                Urn = urn,
                Name = name,
                Type = type,
                Properties = PropertyCodec.Encode(inputs),
                Timeout = CustomTimeouts.Seconds(options.Timeouts.Create),
                Preview = preview,
            }, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
            var outputs = PropertyCodec.Decode(response.Properties);
            if (preview)
            {
                return (response.Id, outputs);
            }

            if (string.IsNullOrEmpty(response.Id))
            {
                throw new InvalidOperationException($"plugin returned empty resource.ID from create of {urn}");
            }

            if (outputs.ContainsUnknowns())
            {
                throw new InvalidOperationException($"Create of {urn} returned unknown values outside preview");
            }

            checkpoint.Put(new StackResource(name, urn, response.Id, inputs, outputs, []));
            return (response.Id, outputs);
        }
        catch (RpcException exception)
        {
            var failure = new ResourceOperationException("Create", urn, exception);
            if (!preview && failure.InitFailed is { } detail)
            {
                // The engine records a partly created resource with its new inputs and the live outputs.
                checkpoint.Put(new StackResource(name, urn, detail.Id, inputs, PropertyCodec.Decode(detail.Properties), [.. detail.Reasons]));
            }

            throw failure;
        }
    }

    private async Task<PropertyMap> UpdateAsync(StackResource old, PropertyMap inputs, ResourceOptions options, bool preview, CancellationToken cancellationToken)
    {
        var request = new UpdateRequest
        {
            Id = old.Id,
            Urn = old.Urn,
            Name = old.Name,
            Type = old.Type,
            Olds = PropertyCodec.Encode(old.Outputs),
            News = PropertyCodec.Encode(inputs),
            OldInputs = PropertyCodec.Encode(old.Inputs),
            Timeout = CustomTimeouts.Seconds(options.Timeouts.Update),
            Preview = preview,
        };
        request.IgnoreChanges.AddRange(options.IgnoreChanges);
        try
        {
            var response = await rpc.Client.UpdateAsync(request, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
            var outputs = PropertyCodec.Decode(response.Properties);
            if (!preview)
            {
                checkpoint.Put(old with { Inputs = inputs, Outputs = outputs, InitErrors = [] });
            }

            return outputs;
        }
        catch (RpcException exception)
        {
            var failure = new ResourceOperationException("Update", old.Urn, exception);
            if (!preview && failure.InitFailed is { } detail)
            {
                // Old inputs with the new live outputs, so the next up diffs and retries.
                checkpoint.Put(old with { Outputs = PropertyCodec.Decode(detail.Properties), InitErrors = [.. detail.Reasons] });
            }

            throw failure;
        }
    }

    private static bool IsReplace(DiffResponse diff) =>
        diff.Replaces.Count > 0
        || diff.DetailedDiff.Values.Any(d => d.Kind is DiffKind.AddReplace or DiffKind.DeleteReplace or DiffKind.UpdateReplace);

    private static PropertyMap ApplyIgnoreChanges(PropertyMap news, PropertyMap oldInputs, IReadOnlyList<string> ignoreChanges)
    {
        var result = news;
        foreach (var key in ignoreChanges)
        {
            result = oldInputs.TryGetValue(key, out var oldValue) ? result.With(key, oldValue) : result.Without(key);
        }

        return result;
    }
}
