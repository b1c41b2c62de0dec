using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.EngineHarness;

/// <summary>
/// The engine's reads of live resources: <c>refresh</c> (Read, then the swapped Diff that shows drift),
/// <c>preview --refresh</c> (the same Read, then a plan against what it found) and <c>import</c> (Read by id alone, then
/// Check of the imported inputs).
/// </summary>
internal sealed class Refresher(ProviderRpc rpc, Checkpoint checkpoint, StepPlanner steps)
{
    /// <summary>An empty id drops the resource from the state; otherwise the state takes what Read returned.</summary>
    public async Task<RefreshResult> RefreshAsync(StackResource resource, ResourceOptions options, CancellationToken cancellationToken)
    {
        var (result, refreshed) = await ReadAndDiffAsync(resource, options, cancellationToken).ConfigureAwait(false);
        if (refreshed is null)
        {
            checkpoint.Remove(resource.Urn);
        }
        else
        {
            checkpoint.Put(refreshed);
        }

        return result;
    }

    /// <summary>The refreshed state is only used for planning, not stored, so drift shows as the change that would undo it.</summary>
    public async Task<(RefreshResult Refresh, StepResult? Plan)> PreviewWithRefreshAsync(
        StackResource resource, PropertyMap programInputs, ResourceOptions options, CancellationToken cancellationToken)
    {
        var (refresh, refreshed) = await ReadAndDiffAsync(resource, options, cancellationToken).ConfigureAwait(false);
        var plan = await steps.StepAsync(resource.Type, resource.Name, programInputs, options, preview: true, refreshed, cancellationToken).ConfigureAwait(false);
        return (refresh, plan);
    }

    /// <summary>
    /// Check runs with olds = news = the imported inputs; its failures are only warnings there, so they are returned,
    /// not thrown. The resource enters the checkpoint.
    /// </summary>
    public async Task<(StackResource Resource, IReadOnlyList<CheckFailure> CheckWarnings)> ImportAsync(
        string type, string name, string id, CancellationToken cancellationToken)
    {
        var urn = checkpoint.UrnOf(type, name);
        var (response, initErrors) = await rpc.ReadAsync(type, urn, name, id, stored: null, ResourceOptions.Default, cancellationToken).ConfigureAwait(false);
        if (response.Properties is null)
        {
            throw new InvalidOperationException($"resource '{id}' does not exist");
        }

        if (response.Inputs is null)
        {
            throw new InvalidOperationException("the provider does not support importing resources (Read returned no inputs)");
        }

        var imported = PropertyCodec.Decode(response.Inputs);
        var check = await rpc.CheckAsync(type, urn, name, imported, imported, cancellationToken).ConfigureAwait(false);
        var inputs = check.Failures.Count == 0 ? PropertyCodec.Decode(check.Inputs) : imported;
        var resource = new StackResource(
            name, urn, string.IsNullOrEmpty(response.Id) ? id : response.Id, inputs, PropertyCodec.Decode(response.Properties), initErrors);
        checkpoint.Put(resource);
        return (resource, [.. check.Failures]);
    }

    /// <summary>Read, then the engine's swapped Diff. Returns the refreshed resource, or null when it is gone.</summary>
    private async Task<(RefreshResult Result, StackResource? Refreshed)> ReadAndDiffAsync(
        StackResource resource, ResourceOptions options, CancellationToken cancellationToken)
    {
        // Refresh turns a partial failure into a warning and keeps the reasons.
        var (response, warnings) = await rpc.ReadAsync(resource.Type, resource.Urn, resource.Name, resource.Id, resource, options, cancellationToken)
            .ConfigureAwait(false);
        var result = new RefreshResult { Urn = resource.Urn, InputsBefore = resource.Inputs, OutputsBefore = resource.Outputs, Warnings = warnings };
        if (string.IsNullOrEmpty(response.Id))
        {
            return (result with { Gone = true }, null);
        }

        var inputs = response.Inputs is null ? resource.Inputs : PropertyCodec.Decode(response.Inputs);
        var outputs = PropertyCodec.Decode(response.Properties);
        var refreshed = resource with { Id = response.Id, Inputs = inputs, Outputs = outputs, InitErrors = warnings };

        // The engine's refresh diff: old = what Read found, new = the inputs before the refresh.
        var diff = await rpc.DiffAsync(refreshed, resource.Inputs, options, cancellationToken).ConfigureAwait(false);
        return (result with { InputsAfter = inputs, OutputsAfter = outputs, Diff = diff }, refreshed);
    }
}
