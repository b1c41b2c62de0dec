using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.EngineHarness;

/// <summary>
/// The resources of one type in an <see cref="EngineSimulator"/>'s stack, addressed by name: the same engine calls with
/// the type filled in, and the provider bring-up for the type's package.
/// </summary>
public sealed class ResourcesOfType
{
    private readonly EngineSimulator _stack;

    internal ResourcesOfType(EngineSimulator stack, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        _stack = stack;
        ResourceType = resourceType;
        Package = ProviderTypes.PackageOf(resourceType);
    }

    public string ResourceType { get; }

    /// <summary>The package of <see cref="ResourceType"/>, whose provider configures these resources.</summary>
    public string Package { get; }

    /// <summary>The stack these resources belong to, with its resources of every type.</summary>
    public EngineSimulator Stack => _stack;

    /// <summary>The checkpoint's resources of this type, by name.</summary>
    public IReadOnlyDictionary<string, StackResource> Resources =>
        _stack.Checkpoint.Resources.Values.Where(resource => resource.Type == ResourceType).ToDictionary(resource => resource.Name, StringComparer.Ordinal);

    public string UrnOf(string name) => _stack.Checkpoint.UrnOf(ResourceType, name);

    public StackResource? Find(string name) => _stack.Find(ResourceType, name);

    public StackResource Get(string name) => _stack.Get(ResourceType, name);

    /// <summary>Puts a resource into the checkpoint directly (e.g. state carried over from an earlier process).</summary>
    public void Remember(StackResource resource) => _stack.Checkpoint.Put(resource);

    /// <summary>The default provider's bring-up for this type's package (see <see cref="EngineSimulator.ConfigureProviderAsync"/>).</summary>
    public async Task<ConfigureResponse> ConfigureAsync(PropertyMap config, CancellationToken cancellationToken = default) =>
        (await _stack.ConfigureProviderAsync(Package, "default", config, cancellationToken).ConfigureAwait(false)).Response;

    public Task<ConfiguredProvider> ConfigureProviderAsync(string providerName, PropertyMap config, CancellationToken cancellationToken = default) =>
        _stack.ConfigureProviderAsync(Package, providerName, config, cancellationToken);

    public Task<DiffResponse> DiffConfigAsync(PropertyMap oldConfig, PropertyMap newConfig, CancellationToken cancellationToken = default) =>
        _stack.DiffConfigAsync(Package, oldConfig, newConfig, cancellationToken);

    public Task<StepResult> PreviewAsync(string name, PropertyMap programInputs, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        _stack.PreviewAsync(ResourceType, name, programInputs, options, cancellationToken);

    public Task<StepResult> UpAsync(string name, PropertyMap programInputs, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        _stack.UpAsync(ResourceType, name, programInputs, options, cancellationToken);

    public Task<(RefreshResult Refresh, StepResult? Plan)> PreviewWithRefreshAsync(
        string name, PropertyMap programInputs, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        _stack.PreviewWithRefreshAsync(ResourceType, name, programInputs, options, cancellationToken);

    public Task<RefreshResult> RefreshAsync(string name, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        _stack.RefreshAsync(ResourceType, name, options, cancellationToken);

    public Task<(StackResource Resource, IReadOnlyList<CheckFailure> CheckWarnings)> ImportAsync(string name, string id, CancellationToken cancellationToken = default) =>
        _stack.ImportAsync(ResourceType, name, id, cancellationToken);

    public Task DestroyAsync(string name, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        _stack.DestroyAsync(ResourceType, name, options, cancellationToken);
}
