using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;
using DiffChanges = Otc.ProviderHost.Protocol.DiffResponse.Types.DiffChanges;
using DiffKind = Otc.ProviderHost.Protocol.PropertyDiff.Types.Kind;

namespace Otc.EngineHarness;

/// <summary>
/// Plays the engine's call sequences for <c>preview</c>, <c>up</c>, <c>refresh</c>, <c>import</c> and <c>destroy</c>
/// against one provider process, and keeps the stack's checkpoint (id, inputs, outputs, init errors) in memory.
/// Resources of different names may be driven concurrently, as the engine does.
/// </summary>
public sealed class EngineSimulator
{
    private readonly ResourceProvider.ResourceProviderClient _client;
    private readonly ConcurrentDictionary<string, StackResource> _stack = new(StringComparer.Ordinal);

    public EngineSimulator(ProviderProcess provider, string resourceType, string project = "lifecycle", string stack = "dev")
        : this(provider?.Client ?? throw new ArgumentNullException(nameof(provider)), resourceType, project, stack)
    {
    }

    public EngineSimulator(ResourceProvider.ResourceProviderClient client, string resourceType, string project = "lifecycle", string stack = "dev")
    {
        _client = client;
        ResourceType = resourceType;
        Project = project;
        Stack = stack;
        Package = PackageOf(resourceType);
    }

    /// <summary>The resource type driven; the provider type itself (<c>pulumi:providers:pkg</c>) serves for bring-up alone.</summary>
    public string ResourceType { get; }

    public string Project { get; }

    public string Stack { get; }

    public string Package { get; }

    /// <summary>The checkpoint: every resource the stack holds, by name.</summary>
    public IReadOnlyDictionary<string, StackResource> Resources => _stack;

    public string UrnOf(string name) => $"urn:pulumi:{Stack}::{Project}::{ResourceType}::{name}";

    public StackResource? Find(string name) => _stack.TryGetValue(name, out var resource) ? resource : null;

    public StackResource Get(string name) => Find(name) ?? throw new InvalidOperationException($"the stack holds no resource '{name}'");

    /// <summary>Puts a resource into the checkpoint directly (e.g. state carried over from an earlier process).</summary>
    public void Remember(StackResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _stack[resource.Name] = resource;
    }

    /// <summary>
    /// The provider's bring-up: <c>CheckConfig</c> with secrets sent as plain values, then <c>Configure</c> with the
    /// checked config and secrets wrapped again (by key, as the engine re-applies them). Values flagged secret in
    /// <paramref name="config"/> are the stack's secret config.
    /// </summary>
    public async Task<ConfigureResponse> ConfigureAsync(PropertyMap config, CancellationToken cancellationToken = default) =>
        (await ConfigureProviderAsync("default", config, cancellationToken).ConfigureAwait(false)).Response;

    /// <summary>
    /// <see cref="ConfigureAsync"/> for the provider resource <paramref name="providerName"/> (<c>default</c>, or the
    /// name of an explicit provider). Returns the checked config as well: the engine stores it as the provider
    /// resource's outputs.
    /// </summary>
    public async Task<ConfiguredProvider> ConfigureProviderAsync(string providerName, PropertyMap config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var providerUrn = ProviderUrnOf(providerName);
        var secretKeys = config.Where(pair => pair.Value.IsSecret).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var checkedConfig = await CheckConfigAsync(providerName, PropertyMap.Empty, config, cancellationToken).ConfigureAwait(false);
        var args = PropertyMap.From(checkedConfig.Select(pair =>
            KeyValuePair.Create(pair.Key, secretKeys.Contains(pair.Key) ? pair.Value.WithSecret() : pair.Value)));
        var request = new ConfigureRequest
        {
            Args = PropertyCodec.Encode(args),
            AcceptSecrets = true,
            AcceptResources = true,
            SendsOldInputs = true,
            SendsOldInputsToDelete = true,
            Id = Guid.NewGuid().ToString(),
            Urn = providerUrn,
            Name = providerName,
            Type = ProviderType,
        };
        foreach (var (key, value) in args)
        {
            if (ConfigString(value) is { } text)
            {
                request.Variables[$"{Package}:config:{key}"] = text;
            }
        }

        var response = await CallAsync("Configure", providerUrn, () => _client.ConfigureAsync(request, cancellationToken: cancellationToken).ResponseAsync)
            .ConfigureAwait(false);
        return new ConfiguredProvider(providerUrn, request.Id, args, response);
    }

    /// <summary>
    /// What the engine does when the stack's provider configuration changed: <c>CheckConfig</c> of the new configuration
    /// against the old, then <c>DiffConfig</c> (secrets travel as plain values in both). A replace in the answer replaces
    /// every resource of the provider.
    /// </summary>
    public async Task<DiffResponse> DiffConfigAsync(PropertyMap oldConfig, PropertyMap newConfig, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oldConfig);
        var checkedNew = await CheckConfigAsync("default", oldConfig, newConfig, cancellationToken).ConfigureAwait(false);
        var plainOld = PropertyCodec.Encode(Plain(oldConfig));
        return await CallAsync("DiffConfig", ProviderUrn, () => _client.DiffConfigAsync(new DiffRequest
        {
            Id = Guid.NewGuid().ToString(),
            Urn = ProviderUrn,
            Name = "default",
            Type = ProviderType,
            Olds = plainOld,
            OldInputs = plainOld,
            News = PropertyCodec.Encode(checkedNew),
        }, cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false);
    }

    /// <summary><c>pulumi preview</c> for one resource: Check, Diff, then Create/Update with <c>preview = true</c>. The checkpoint is not changed.</summary>
    public Task<StepResult> PreviewAsync(string name, PropertyMap programInputs, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        StepAsync(name, programInputs, options ?? ResourceOptions.Default, preview: true, Find(name), cancellationToken);

    /// <summary>
    /// <c>pulumi preview --refresh</c>: Read first (the refreshed state is only used for planning, not stored), then plan
    /// against it, so drift shows as the change that would undo it.
    /// </summary>
    public async Task<(RefreshResult Refresh, StepResult? Plan)> PreviewWithRefreshAsync(
        string name, PropertyMap programInputs, ResourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ResourceOptions.Default;
        var (refresh, refreshed) = await ReadAndDiffAsync(Get(name), options, cancellationToken).ConfigureAwait(false);
        var plan = await StepAsync(name, programInputs, options, preview: true, refreshed, cancellationToken).ConfigureAwait(false);
        return (refresh, plan);
    }

    /// <summary><c>pulumi up</c> for one resource: Check, Diff, then Create, Update or a replacement; the checkpoint is updated.</summary>
    public Task<StepResult> UpAsync(string name, PropertyMap programInputs, ResourceOptions? options = null, CancellationToken cancellationToken = default) =>
        StepAsync(name, programInputs, options ?? ResourceOptions.Default, preview: false, Find(name), cancellationToken);

    /// <summary>
    /// <c>pulumi refresh</c> for one resource: Read with id, outputs and inputs; an empty id drops it from the state;
    /// otherwise the state takes what Read returned and the swapped Diff reports the drift.
    /// </summary>
    public async Task<RefreshResult> RefreshAsync(string name, ResourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        var resource = Get(name);
        var (result, refreshed) = await ReadAndDiffAsync(resource, options ?? ResourceOptions.Default, cancellationToken).ConfigureAwait(false);
        if (refreshed is null)
        {
            _stack.TryRemove(name, out _);
        }
        else
        {
            _stack[name] = refreshed;
        }

        return result;
    }

    /// <summary>
    /// <c>pulumi import</c>: Read with only the id, then Check with olds = news = the imported inputs (failures are only
    /// warnings there, so they are returned, not thrown). The resource enters the checkpoint.
    /// </summary>
    public async Task<(StackResource Resource, IReadOnlyList<CheckFailure> CheckWarnings)> ImportAsync(
        string name, string id, CancellationToken cancellationToken = default)
    {
        var urn = UrnOf(name);
        ReadResponse response;
        IReadOnlyList<string> initErrors = [];
        try
        {
            response = await _client.ReadAsync(new ReadRequest { Id = id, Urn = urn, Name = name, Type = ResourceType }, cancellationToken: cancellationToken)
                .ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException exception) when (PartialFailure.Decode(exception) is { } detail)
        {
            response = new ReadResponse { Id = detail.Id, Properties = detail.Properties, Inputs = detail.Inputs };
            initErrors = [.. detail.Reasons];
        }
        catch (RpcException exception)
        {
            throw new ResourceOperationException("Read", urn, exception);
        }

        if (response.Properties is null)
        {
            throw new InvalidOperationException($"resource '{id}' does not exist");
        }

        if (response.Inputs is null)
        {
            throw new InvalidOperationException("the provider does not support importing resources (Read returned no inputs)");
        }

        var imported = PropertyCodec.Decode(response.Inputs);
        var check = await CheckAsync(urn, name, imported, imported, cancellationToken).ConfigureAwait(false);
        var inputs = check.Failures.Count == 0 ? PropertyCodec.Decode(check.Inputs) : imported;
        var resource = new StackResource(
            name, urn, string.IsNullOrEmpty(response.Id) ? id : response.Id, inputs, PropertyCodec.Decode(response.Properties), initErrors);
        _stack[name] = resource;
        return (resource, [.. check.Failures]);
    }

    /// <summary><c>pulumi destroy</c> for one resource: Delete with the old outputs and old inputs, then drop it from the checkpoint.</summary>
    public async Task DestroyAsync(string name, ResourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        var resource = Get(name);
        await DeleteAsync(resource, options ?? ResourceOptions.Default, cancellationToken).ConfigureAwait(false);
        _stack.TryRemove(name, out _);
    }

    private string ProviderType => $"pulumi:providers:{Package}";

    private string ProviderUrn => ProviderUrnOf("default");

    private string ProviderUrnOf(string providerName) => $"urn:pulumi:{Stack}::{Project}::pulumi:providers:{Package}::{providerName}";

    private static PropertyMap Plain(PropertyMap config) =>
        PropertyMap.From(config.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.WithSecret(false))));

    /// <summary>CheckConfig with secrets sent as plain values; returns the checked configuration or throws its failures.</summary>
    private async Task<PropertyMap> CheckConfigAsync(string providerName, PropertyMap oldConfig, PropertyMap newConfig, CancellationToken cancellationToken)
    {
        var providerUrn = ProviderUrnOf(providerName);
        var checkResponse = await CallAsync("CheckConfig", providerUrn, () => _client.CheckConfigAsync(new CheckRequest
        {
            Urn = providerUrn,
            Name = providerName,
            Type = ProviderType,
            Olds = PropertyCodec.Encode(Plain(oldConfig)),
            News = PropertyCodec.Encode(Plain(newConfig)),
        }, cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false);
        if (checkResponse.Failures.Count > 0)
        {
            throw new CheckFailedException(providerUrn, [.. checkResponse.Failures]);
        }

        return PropertyCodec.Decode(checkResponse.Inputs);
    }

    private async Task<StepResult> StepAsync(
        string name, PropertyMap programInputs, ResourceOptions options, bool preview, StackResource? old, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programInputs);
        var urn = UrnOf(name);
        if (old is null)
        {
            var createChecked = await CheckOrThrowAsync(urn, name, PropertyMap.Empty, programInputs, cancellationToken).ConfigureAwait(false);
            var (id, outputs) = await CreateAsync(name, urn, createChecked, options, preview, cancellationToken).ConfigureAwait(false);
            return new StepResult { Kind = StepKind.Create, Urn = urn, CheckedInputs = createChecked, Outputs = outputs, Id = id, IsPreview = preview };
        }

        var news = ApplyIgnoreChanges(programInputs, old.Inputs, options.IgnoreChanges);
        var checkedInputs = await CheckOrThrowAsync(urn, name, old.Inputs, news, cancellationToken).ConfigureAwait(false);
        var diff = await DiffAsync(old, urn, name, checkedInputs, options, cancellationToken).ConfigureAwait(false);
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
            return await ReplaceAsync(old, name, urn, programInputs, options, preview, step, diff, cancellationToken).ConfigureAwait(false);
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

        var updated = await UpdateAsync(old, name, urn, checkedInputs, options, preview, cancellationToken).ConfigureAwait(false);
        return step with { Kind = StepKind.Update, Outputs = updated };
    }

    private async Task<StepResult> ReplaceAsync(
        StackResource old,
        string name,
        string urn,
        PropertyMap programInputs,
        ResourceOptions options,
        bool preview,
        StepResult step,
        DiffResponse diff,
        CancellationToken cancellationToken)
    {
        // A replacement is checked afresh: no olds, so defaults are recomputed.
        var replacementInputs = await CheckOrThrowAsync(urn, name, PropertyMap.Empty, programInputs, cancellationToken).ConfigureAwait(false);
        var deleteFirst = options.DeleteBeforeReplace ?? diff.DeleteBeforeReplace;
        step = step with { Kind = StepKind.Replace, CheckedInputs = replacementInputs, ReplacedId = old.Id, DeleteBeforeReplace = deleteFirst };
        if (preview)
        {
            var (_, previewOutputs) = await CreateAsync(name, urn, replacementInputs, options, preview: true, cancellationToken).ConfigureAwait(false);
            return step with { Outputs = previewOutputs, Id = string.Empty };
        }

        if (deleteFirst)
        {
            await DeleteAsync(old, options, cancellationToken).ConfigureAwait(false);
            _stack.TryRemove(name, out _);
        }

        var (id, outputs) = await CreateAsync(name, urn, replacementInputs, options, preview: false, cancellationToken).ConfigureAwait(false);
        if (!deleteFirst)
        {
            // Create-before-delete: the old resource goes once its replacement exists.
            await DeleteAsync(old, options, cancellationToken).ConfigureAwait(false);
        }

        return step with { Outputs = outputs, Id = id };
    }

    private async Task<(string Id, PropertyMap Outputs)> CreateAsync(
        string name, string urn, PropertyMap inputs, ResourceOptions options, bool preview, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.CreateAsync(new CreateRequest
            {
                Urn = urn,
                Name = name,
                Type = ResourceType,
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

            _stack[name] = new StackResource(name, urn, response.Id, inputs, outputs, []);
            return (response.Id, outputs);
        }
        catch (RpcException exception)
        {
            var failure = new ResourceOperationException("Create", urn, exception);
            if (!preview && failure.InitFailed is { } detail)
            {
                // The engine records a partly created resource with its new inputs and the live outputs.
                _stack[name] = new StackResource(name, urn, detail.Id, inputs, PropertyCodec.Decode(detail.Properties), [.. detail.Reasons]);
            }

            throw failure;
        }
    }

    private async Task<PropertyMap> UpdateAsync(
        StackResource old, string name, string urn, PropertyMap inputs, ResourceOptions options, bool preview, CancellationToken cancellationToken)
    {
        var request = new UpdateRequest
        {
            Id = old.Id,
            Urn = urn,
            Name = name,
            Type = ResourceType,
            Olds = PropertyCodec.Encode(old.Outputs),
            News = PropertyCodec.Encode(inputs),
            OldInputs = PropertyCodec.Encode(old.Inputs),
            Timeout = CustomTimeouts.Seconds(options.Timeouts.Update),
            Preview = preview,
        };
        request.IgnoreChanges.AddRange(options.IgnoreChanges);
        try
        {
            var response = await _client.UpdateAsync(request, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
            var outputs = PropertyCodec.Decode(response.Properties);
            if (!preview)
            {
                _stack[name] = old with { Inputs = inputs, Outputs = outputs, InitErrors = [] };
            }

            return outputs;
        }
        catch (RpcException exception)
        {
            var failure = new ResourceOperationException("Update", urn, exception);
            if (!preview && failure.InitFailed is { } detail)
            {
                // Old inputs with the new live outputs, so the next up diffs and retries.
                _stack[name] = old with { Outputs = PropertyCodec.Decode(detail.Properties), InitErrors = [.. detail.Reasons] };
            }

            throw failure;
        }
    }

    private async Task DeleteAsync(StackResource resource, ResourceOptions options, CancellationToken cancellationToken) =>
        await CallAsync("Delete", resource.Urn, () => _client.DeleteAsync(new DeleteRequest
        {
            Id = resource.Id,
            Urn = resource.Urn,
            Name = resource.Name,
            Type = ResourceType,
            Properties = PropertyCodec.Encode(resource.Outputs),
            OldInputs = PropertyCodec.Encode(resource.Inputs),
            Timeout = CustomTimeouts.Seconds(options.Timeouts.Delete),
        }, cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false);

    /// <summary>Read, then the engine's swapped Diff. Returns the refreshed resource, or null when it is gone.</summary>
    private async Task<(RefreshResult Result, StackResource? Refreshed)> ReadAndDiffAsync(
        StackResource resource, ResourceOptions options, CancellationToken cancellationToken)
    {
        ReadResponse response;
        IReadOnlyList<string> warnings = [];
        try
        {
            response = await _client.ReadAsync(new ReadRequest
            {
                Id = resource.Id,
                Urn = resource.Urn,
                Name = resource.Name,
                Type = ResourceType,
                Properties = PropertyCodec.Encode(resource.Outputs),
                Inputs = PropertyCodec.Encode(resource.Inputs),
                Timeout = CustomTimeouts.Seconds(options.Timeouts.Read),
            }, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException exception) when (PartialFailure.Decode(exception) is { } detail)
        {
            // Refresh turns a partial failure into a warning and keeps the reasons.
            response = new ReadResponse { Id = detail.Id, Properties = detail.Properties, Inputs = detail.Inputs };
            warnings = [.. detail.Reasons];
        }
        catch (RpcException exception)
        {
            throw new ResourceOperationException("Read", resource.Urn, exception);
        }

        var result = new RefreshResult { Urn = resource.Urn, InputsBefore = resource.Inputs, OutputsBefore = resource.Outputs, Warnings = warnings };
        if (string.IsNullOrEmpty(response.Id))
        {
            return (result with { Gone = true }, null);
        }

        var inputs = response.Inputs is null ? resource.Inputs : PropertyCodec.Decode(response.Inputs);
        var outputs = PropertyCodec.Decode(response.Properties);
        var refreshed = resource with { Id = response.Id, Inputs = inputs, Outputs = outputs, InitErrors = warnings };

        // The engine's refresh diff: old = what Read found, new = the inputs before the refresh.
        var diff = await DiffAsync(refreshed, resource.Urn, resource.Name, resource.Inputs, options, cancellationToken).ConfigureAwait(false);
        return (result with { InputsAfter = inputs, OutputsAfter = outputs, Diff = diff }, refreshed);
    }

    private async Task<DiffResponse> DiffAsync(
        StackResource old, string urn, string name, PropertyMap news, ResourceOptions options, CancellationToken cancellationToken)
    {
        var request = new DiffRequest
        {
            Id = old.Id,
            Urn = urn,
            Name = name,
            Type = ResourceType,
            Olds = PropertyCodec.Encode(old.Outputs),
            OldInputs = PropertyCodec.Encode(old.Inputs),
            News = PropertyCodec.Encode(news),
        };
        request.IgnoreChanges.AddRange(options.IgnoreChanges);
        return await CallAsync("Diff", urn, () => _client.DiffAsync(request, cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false);
    }

    private async Task<PropertyMap> CheckOrThrowAsync(string urn, string name, PropertyMap olds, PropertyMap news, CancellationToken cancellationToken)
    {
        var response = await CheckAsync(urn, name, olds, news, cancellationToken).ConfigureAwait(false);
        if (response.Failures.Count > 0)
        {
            throw new CheckFailedException(urn, [.. response.Failures]);
        }

        return PropertyCodec.Decode(response.Inputs);
    }

    private Task<CheckResponse> CheckAsync(string urn, string name, PropertyMap olds, PropertyMap news, CancellationToken cancellationToken) =>
        CallAsync("Check", urn, () => _client.CheckAsync(new CheckRequest
        {
            Urn = urn,
            Name = name,
            Type = ResourceType,
            Olds = PropertyCodec.Encode(olds),
            News = PropertyCodec.Encode(news),
            RandomSeed = Google.Protobuf.ByteString.CopyFrom(SeedOf(urn)),
        }, cancellationToken: cancellationToken).ResponseAsync);

    private static async Task<T> CallAsync<T>(string rpc, string urn, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException exception)
        {
            throw new ResourceOperationException(rpc, urn, exception);
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

    /// <summary>The package of a type token: <c>pkg:module:Type</c>, or <c>pulumi:providers:pkg</c> for a provider.</summary>
    public static string PackageOf(string resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        const string ProviderTypePrefix = "pulumi:providers:";
        return resourceType.StartsWith(ProviderTypePrefix, StringComparison.Ordinal)
            ? resourceType[ProviderTypePrefix.Length..]
            : resourceType.Split(':')[0];
    }

    /// <summary>32 bytes derived from the URN: the engine's seed is random per deployment, a fixed one keeps runs comparable.</summary>
    private static byte[] SeedOf(string urn) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(urn));

    private static string? ConfigString(PropertyValue value)
    {
        if (value.TryGetString(out var text))
        {
            return text;
        }

        if (value.TryGetBool(out var flag))
        {
            return flag ? "true" : "false";
        }

        return value.TryGetNumber(out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;
    }
}
