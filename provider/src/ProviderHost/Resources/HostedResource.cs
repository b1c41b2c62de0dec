using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>
/// A resource as the host serves it: its binding, with the schema's rules applied to the inputs before the handler's
/// typed model sees them (types, requiredness and defaults in Check; defaults and types when the engine hands checked
/// inputs back) and the schema's replace rules in Diff. Stored values that only inform a call (the state, the old inputs
/// of Check and Read) are read by the model tolerantly instead. The gRPC service calls this; so can tests, in process.
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
        var result = await binding.CheckAsync(request with { NewInputs = news }, cancellationToken)
            .ConfigureAwait(false);
        IReadOnlyList<CheckFailure> all = [.. failures, .. result.Failures];
        return all.Count == 0 ? result : new CheckResult(request.NewInputs, all);
    }

    /// <summary>Compares old and new checked inputs; <see cref="DiffRequest.OldInputs"/> must already stand in for what an old engine did not send.</summary>
    public DiffResult Diff(DiffRequest request) => binding.Diff(
        request with
        {
            OldInputs = Inputs(request.OldInputs),
            NewInputs = Inputs(request.NewInputs),
        },
        Differ);

    /// <summary>The outputs a create would show, without side effects.</summary>
    public PropertyMap PreviewCreate(PropertyMap inputs) => binding.PreviewCreate(Inputs(inputs));

    /// <summary>The outputs an update would show, without side effects.</summary>
    public PropertyMap PreviewUpdate(PropertyMap oldState, PropertyMap newInputs) =>
        binding.PreviewUpdate(oldState, Inputs(newInputs));

    internal Task<(string Id, PropertyMap State)> CreateAsync(ResourceBinding.CallInfo call, PropertyMap inputs, CancellationToken cancellationToken) =>
        binding.CreateAsync(call, Inputs(inputs), cancellationToken);

    internal Task<(string Id, PropertyMap State, PropertyMap? Inputs)?> ReadAsync(
        ResourceBinding.CallInfo call, string id, PropertyMap oldState, PropertyMap oldInputs, CancellationToken cancellationToken) =>
        binding.ReadAsync(call, id, oldState, oldInputs, cancellationToken);

    internal Task<PropertyMap> UpdateAsync(
        ResourceBinding.CallInfo call, string id, PropertyMap oldState, PropertyMap oldInputs, PropertyMap newInputs, IReadOnlyList<string> ignoreChanges, CancellationToken cancellationToken) =>
        binding.UpdateAsync(call, id, oldState, Inputs(oldInputs), Inputs(newInputs), ignoreChanges, cancellationToken);

    internal Task DeleteAsync(ResourceBinding.CallInfo call, string id, PropertyMap oldState, CancellationToken cancellationToken) =>
        binding.DeleteAsync(call, id, oldState, cancellationToken);

    /// <summary>Checked inputs as the engine hands them back: defaults applied; a value that breaks the schema is an error.</summary>
    private PropertyMap Inputs(PropertyMap inputs) =>
        inputs.Count == 0 || schema.ResourceInputs(Token) is not { } shape ? inputs : SchemaValues.ReadInputs(inputs, shape);
}
