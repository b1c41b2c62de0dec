using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.EngineHarness;

/// <summary>
/// Plays the engine for one stack against one provider process: its provider resources are configured
/// (<see cref="ProviderConfigurator"/>), its resources of any type planned and applied (<see cref="StepPlanner"/>),
/// refreshed and imported (<see cref="Refresher"/>), and the <see cref="Checkpoint"/> keeps what the engine would
/// persist. Every resource call names its type, so one stack holds services, endpoints and approvals alike;
/// <see cref="OfType"/> gives the calls for one type by name. Resources of different names may be driven concurrently,
/// as the engine does.
/// </summary>
public sealed class EngineSimulator
{
    private readonly ProviderConfigurator _providers;
    private readonly StepPlanner _steps;
    private readonly Refresher _refresher;

    public EngineSimulator(ProviderProcess provider, string project = "lifecycle", string stack = "dev")
        : this(provider?.Client ?? throw new ArgumentNullException(nameof(provider)), project, stack)
    {
    }

    public EngineSimulator(ResourceProvider.ResourceProviderClient client, string project = "lifecycle", string stack = "dev")
    {
        var rpc = new ProviderRpc(client);
        Checkpoint = new Checkpoint(project, stack);
        _providers = new ProviderConfigurator(rpc, Checkpoint);
        _steps = new StepPlanner(rpc, Checkpoint);
        _refresher = new Refresher(rpc, Checkpoint, _steps);
    }

    public Checkpoint Checkpoint { get; }

    public string Project => Checkpoint.Project;

    public string Stack => Checkpoint.Stack;

    /// <summary>The calls for the resources of one type, addressed by name.</summary>
    public ResourcesOfType OfType(string resourceType) => new(this, resourceType);

    /// <summary>
    /// The bring-up of the provider resource <paramref name="providerName"/> (<c>default</c>, or the name of an explicit
    /// provider) of <paramref name="package"/>. Returns the checked config as well: the engine stores it as the provider
    /// resource's outputs. Values flagged secret in <paramref name="config"/> are the stack's secret config.
    /// </summary>
    public Task<ConfiguredProvider> ConfigureProviderAsync(string package, string providerName, PropertyMap config, CancellationToken cancellationToken = default) =>
        _providers.ConfigureAsync(package, providerName, config, cancellationToken);

    /// <summary>
    /// What the engine does when the default provider's configuration changed: <c>CheckConfig</c> of the new
    /// configuration against the old, then <c>DiffConfig</c>. A replace in the answer replaces every resource of the provider.
    /// </summary>
    public Task<DiffResponse> DiffConfigAsync(string package, PropertyMap oldConfig, PropertyMap newConfig, CancellationToken cancellationToken = default) =>
        _providers.DiffConfigAsync(package, oldConfig, newConfig, cancellationToken);

    /// <summary><c>pulumi preview</c> for one resource: Check, Diff, then Create/Update with <c>preview = true</c>. The checkpoint is not changed.</summary>
    public Task<StepResult> PreviewAsync(
        string resourceType, string name, PropertyMap programInputs, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        _steps.StepAsync(resourceType, name, programInputs, options ?? ResourceOptions.Default, preview: true, Find(resourceType, name), cancellationToken);

    /// <summary><c>pulumi up</c> for one resource: Check, Diff, then Create, Update or a replacement; the checkpoint is updated.</summary>
    public Task<StepResult> UpAsync(
        string resourceType, string name, PropertyMap programInputs, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        _steps.StepAsync(resourceType, name, programInputs, options ?? ResourceOptions.Default, preview: false, Find(resourceType, name), cancellationToken);

    /// <summary><c>pulumi preview --refresh</c>: Read first (the refreshed state is only used for planning), then plan against it.</summary>
    public Task<(RefreshResult Refresh, StepResult? Plan)> PreviewWithRefreshAsync(
        string resourceType, string name, PropertyMap programInputs, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        _refresher.PreviewWithRefreshAsync(Get(resourceType, name), programInputs, options ?? ResourceOptions.Default, cancellationToken);

    /// <summary>
    /// <c>pulumi refresh</c> for one resource: Read with id, outputs and inputs; an empty id drops it from the state;
    /// otherwise the state takes what Read returned and the swapped Diff reports the drift.
    /// </summary>
    public Task<RefreshResult> RefreshAsync(string resourceType, string name, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        _refresher.RefreshAsync(Get(resourceType, name), options ?? ResourceOptions.Default, cancellationToken);

    /// <summary>
    /// <c>pulumi import</c>: Read with only the id, then Check with olds = news = the imported inputs (failures are only
    /// warnings there, so they are returned, not thrown). The resource enters the checkpoint.
    /// </summary>
    public Task<(StackResource Resource, IReadOnlyList<CheckFailure> CheckWarnings)> ImportAsync(
        string resourceType, string name, string id, CancellationToken cancellationToken = default) =>
        _refresher.ImportAsync(resourceType, name, id, cancellationToken);

    /// <summary><c>pulumi destroy</c> for one resource: Delete with the old outputs and old inputs, then drop it from the checkpoint.</summary>
    public Task DestroyAsync(string resourceType, string name, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        _steps.DestroyAsync(Get(resourceType, name), options ?? ResourceOptions.Default, cancellationToken);

    public StackResource? Find(string resourceType, string name) => Checkpoint.Find(Checkpoint.UrnOf(resourceType, name));

    public StackResource Get(string resourceType, string name) => Checkpoint.Get(Checkpoint.UrnOf(resourceType, name));
}
