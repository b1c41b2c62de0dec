using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>
/// A resource as the host serves it: its binding, with the schema's rules applied to every map before the handler's
/// typed model sees it (types, requiredness and defaults in Check, defaults and types when reading stored inputs,
/// tolerance for old state) and the schema's replace rules in Diff. The gRPC service calls this; so can tests, in process.
/// </summary>
public sealed class HostedResource(ResourceBinding binding, PackageSchema schema)
{
    private PropertyDiffer? _differ;

    public string Token => binding.Token;

    private PropertyDiffer Differ => _differ ??= new PropertyDiffer(schema.ReplaceOnChanges(Token), binding.OptionalComputedInputs);

    /// <summary>Validates program inputs: the schema's rules, then the handler's; one failure per broken rule.</summary>
    /// <returns>The checked inputs; with failures, the inputs as sent.</returns>
    public async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var (news, failures) = schema.ResourceInputs(Token) is { } shape
            ? SchemaValues.Check(request.NewInputs, shape, PackageSchema.ShortName(Token))
            : (request.NewInputs, []);
        var result = await binding.CheckAsync(request with { OldInputs = Tolerant(request.OldInputs, schema.ResourceInputs(Token)), NewInputs = news }, cancellationToken)
            .ConfigureAwait(false);
        IReadOnlyList<CheckFailure> all = [.. failures, .. result.Failures];
        return all.Count == 0 ? result : new CheckResult(request.NewInputs, all);
    }

    /// <summary>Compares old and new checked inputs; <see cref="DiffRequest.OldInputs"/> must already stand in for what an old engine did not send.</summary>
    public DiffResult Diff(DiffRequest request) => binding.Diff(
        request with
        {
            OldState = Tolerant(request.OldState, schema.ResourceOutputs(Token)),
            OldInputs = Inputs(request.OldInputs),
            NewInputs = Inputs(request.NewInputs),
        },
        Differ);

    /// <summary>The outputs a create would show, without side effects.</summary>
    public PropertyMap PreviewCreate(PropertyMap inputs) => binding.PreviewCreate(Inputs(inputs));

    /// <summary>The outputs an update would show, without side effects.</summary>
    public PropertyMap PreviewUpdate(PropertyMap oldState, PropertyMap newInputs) =>
        binding.PreviewUpdate(Tolerant(oldState, schema.ResourceOutputs(Token)), Inputs(newInputs));

    internal Task<(string Id, PropertyMap State)> CreateAsync(ResourceBinding.CallInfo call, PropertyMap inputs, CancellationToken cancellationToken) =>
        binding.CreateAsync(call, Inputs(inputs), cancellationToken);

    internal Task<(string Id, PropertyMap State, PropertyMap? Inputs)?> ReadAsync(
        ResourceBinding.CallInfo call, string id, PropertyMap oldState, PropertyMap oldInputs, CancellationToken cancellationToken) =>
        binding.ReadAsync(call, id, Tolerant(oldState, schema.ResourceOutputs(Token)), Tolerant(oldInputs, schema.ResourceInputs(Token)), cancellationToken);

    internal Task<PropertyMap> UpdateAsync(
        ResourceBinding.CallInfo call, string id, PropertyMap oldState, PropertyMap oldInputs, PropertyMap newInputs, IReadOnlyList<string> ignoreChanges, CancellationToken cancellationToken) =>
        binding.UpdateAsync(call, id, Tolerant(oldState, schema.ResourceOutputs(Token)), Inputs(oldInputs), Inputs(newInputs), ignoreChanges, cancellationToken);

    internal Task DeleteAsync(ResourceBinding.CallInfo call, string id, PropertyMap oldState, CancellationToken cancellationToken) =>
        binding.DeleteAsync(call, id, Tolerant(oldState, schema.ResourceOutputs(Token)), cancellationToken);

    /// <summary>Checked inputs as the engine hands them back: defaults applied; a value that breaks the schema is an error.</summary>
    private PropertyMap Inputs(PropertyMap inputs) =>
        inputs.Count == 0 || schema.ResourceInputs(Token) is not { } shape ? inputs : SchemaValues.ReadInputs(inputs, shape);

    /// <summary>Stored values that only inform the call (the state, Check's old inputs): what no longer fits the schema is left out.</summary>
    private static PropertyMap Tolerant(PropertyMap values, SchemaShape? shape) =>
        values.Count == 0 || shape is null ? values : SchemaValues.ReadTolerant(values, shape);
}
