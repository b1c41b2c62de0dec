using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Otc.ProviderHost.Configuration;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;
using HostCheckRequest = Otc.ProviderHost.Resources.CheckRequest;
using HostDiffRequest = Otc.ProviderHost.Resources.DiffRequest;
using WireCheckFailure = Otc.ProviderHost.Protocol.CheckFailure;
using WireCheckRequest = Otc.ProviderHost.Protocol.CheckRequest;
using WireCheckResponse = Otc.ProviderHost.Protocol.CheckResponse;
using WireCreateRequest = Otc.ProviderHost.Protocol.CreateRequest;
using WireDeleteRequest = Otc.ProviderHost.Protocol.DeleteRequest;
using WireDiffRequest = Otc.ProviderHost.Protocol.DiffRequest;
using WireReadRequest = Otc.ProviderHost.Protocol.ReadRequest;
using WireUpdateRequest = Otc.ProviderHost.Protocol.UpdateRequest;

namespace Otc.ProviderHost.Server;

/// <summary>
/// The <c>pulumirpc.ResourceProvider</c> gRPC service: decodes requests, dispatches by type token, applies
/// the host-wide rules (preview, secrets, timeouts, errors) and encodes answers. <see cref="ResourceProviderMethodProvider"/>
/// binds these methods to their RPCs and answers the ones a CRUD provider does not need (Construct, Call,
/// Parameterize, GetMapping(s), List) with UNIMPLEMENTED.
/// </summary>
public sealed class ResourceProviderService : IDisposable
{
    private readonly ProviderDefinition _definition;
    private readonly PackageSchema _schema;
    private readonly ResourceDispatcher _dispatcher;
    private readonly EngineConnection _engine;
    private readonly CancellationTokenSource _cancellation = new();

    public ResourceProviderService(ProviderDefinition definition, EngineConnection engine)
    {
        _definition = definition;
        _engine = engine;
        _schema = new PackageSchema(definition.SchemaJson);
        _dispatcher = new ResourceDispatcher(definition.Resources, definition.Functions, _schema);
    }

    /// <summary>Cancelled by the Cancel RPC; linked into every call.</summary>
    public CancellationToken CancellationToken => _cancellation.Token;

    public Task<ProviderHandshakeResponse> Handshake(ProviderHandshakeRequest request, ServerCallContext context)
    {
        _engine.Connect(request.EngineAddress);
        return Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true, AcceptResources = true, AcceptOutputs = false });
    }

    public Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = _definition.Version });

    public Task<Empty> Attach(PluginAttach request, ServerCallContext context)
    {
        _engine.Connect(request.Address);
        return Task.FromResult(new Empty());
    }

    public Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        _cancellation.Cancel();
        return Task.FromResult(new Empty());
    }

    public Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context) =>
        Task.FromResult(new GetSchemaResponse { Schema = _schema.Text });

    public Task<WireCheckResponse> CheckConfig(WireCheckRequest request, ServerCallContext context) => Guard(context, _ =>
    {
        var (olds, _) = ConfigDecoder.Decode(PropertyCodec.Decode(request.Olds), _schema);
        var (news, failures) = ConfigDecoder.Decode(PropertyCodec.Decode(request.News), _schema);
        if (failures.Count > 0)
        {
            return Task.FromResult(CheckResponseOf(new CheckResult(news, failures)));
        }

        var result = _definition.Configuration?.CheckConfig(olds, news) ?? new CheckResult(news, []);
        var inputs = KeepVersion(result.Inputs, news);
        inputs = PropertyMap.From(inputs.Select(pair => _schema.SecretConfigVariables.Contains(pair.Key)
            ? KeyValuePair.Create(pair.Key, pair.Value.WithSecret())
            : pair));
        return Task.FromResult(CheckResponseOf(result with { Inputs = inputs }));
    });

    public Task<DiffResponse> DiffConfig(WireDiffRequest request, ServerCallContext context) => Guard(context, _ =>
    {
        var oldState = WithoutVersion(ConfigDecoder.Decode(PropertyCodec.Decode(request.Olds), _schema).Config);
        var oldInputs = WithoutVersion(ConfigDecoder.Decode(PropertyCodec.Decode(request.OldInputs), _schema).Config);

        // A provider's state is its configuration, so it stands in for old inputs an older engine does not send.
        var oldConfig = oldInputs.Count > 0 ? oldInputs : oldState;
        var newConfig = WithoutVersion(ConfigDecoder.Decode(PropertyCodec.Decode(request.News), _schema).Config);
        (oldConfig, newConfig) = _definition.Configuration?.AlignForDiff(oldConfig, newConfig) ?? (oldConfig, newConfig);
        var diffRequest = new HostDiffRequest
        {
            Urn = request.Urn,
            Name = request.Name,
            Type = request.Type,
            Log = _engine.ForResource(request.Urn),
            Id = request.Id,
            OldState = oldState,
            OldInputs = oldConfig,
            NewInputs = newConfig,
            IgnoreChanges = [.. request.IgnoreChanges],
        };

        // A change to a key the schema's provider marks replaceOnChanges moves the provider's resources: the engine
        // then replaces every one of them.
        var differ = new PropertyDiffer(_schema.ReplaceOnChanges(_schema.ProviderToken));
        return Task.FromResult(DiffResponseOf(differ.Diff(diffRequest)));
    });

    public Task<ConfigureResponse> Configure(ConfigureRequest request, ServerCallContext context) => Guard(context, async cancellationToken =>
    {
        var raw = request.Args is not null
            ? PropertyCodec.Decode(request.Args)
            : ConfigDecoder.FromVariables(request.Variables, _definition.PackageName);
        var (config, failures) = ConfigDecoder.Decode(raw, _schema);
        if (failures.Count > 0)
        {
            throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                "invalid provider configuration: " + string.Join("; ", failures.Select(f => $"{f.Property}: {f.Reason}"))));
        }

        if (_definition.Configuration is { } configuration)
        {
            await configuration.ConfigureAsync(config, _engine.ForResource(request.HasUrn ? request.Urn : ""), cancellationToken).ConfigureAwait(false);
        }

        return new ConfigureResponse { AcceptSecrets = true, SupportsPreview = true, AcceptResources = true, AcceptOutputs = false };
    });

    public Task<InvokeResponse> Invoke(InvokeRequest request, ServerCallContext context) => Guard(context, async cancellationToken =>
    {
        var function = _dispatcher.Function(request.Tok);
        var args = PropertyCodec.Decode(request.Args);
        var (checkedArgs, failures) = _schema.FunctionInputs(request.Tok) is { } shape
            ? SchemaValues.Check(args, shape, PackageSchema.ShortName(request.Tok))
            : (args, []);
        var (result, invokeFailures) = failures.Count > 0
            ? (PropertyMap.Empty, failures)
            : await function.InvokeAsync(checkedArgs, cancellationToken).ConfigureAwait(false);
        var response = new InvokeResponse { Return = PropertyCodec.Encode(result) };
        response.Failures.AddRange(invokeFailures.Select(ToWire));
        return response;
    });

    public Task<WireCheckResponse> Check(WireCheckRequest request, ServerCallContext context) => Guard(context, async cancellationToken =>
    {
        var (name, type) = NameAndType(request.Urn, request.Name, request.Type);
        var resource = _dispatcher.Resource(type);
        var checkRequest = new HostCheckRequest
        {
            Urn = request.Urn,
            Name = name,
            Type = type,
            Log = _engine.ForResource(request.Urn),
            OldInputs = PropertyCodec.Decode(request.Olds),
            NewInputs = PropertyCodec.Decode(request.News),
            RandomSeed = [.. request.RandomSeed.Span],
        };
        var result = await resource.CheckAsync(checkRequest, cancellationToken).ConfigureAwait(false);
        return CheckResponseOf(result);
    });

    public Task<DiffResponse> Diff(WireDiffRequest request, ServerCallContext context) => Guard(context, _ =>
    {
        var (name, type) = NameAndType(request.Urn, request.Name, request.Type);
        var resource = _dispatcher.Resource(type);
        var oldState = PropertyCodec.Decode(request.Olds);
        var diffRequest = new HostDiffRequest
        {
            Urn = request.Urn,
            Name = name,
            Type = type,
            Log = _engine.ForResource(request.Urn),
            Id = request.Id,
            OldState = oldState,
            OldInputs = OldInputsOrState(request.OldInputs, oldState, type),
            NewInputs = PropertyCodec.Decode(request.News),
            IgnoreChanges = [.. request.IgnoreChanges],
        };
        return Task.FromResult(DiffResponseOf(resource.Diff(diffRequest)));
    });

    public Task<CreateResponse> Create(WireCreateRequest request, ServerCallContext context) => Guard(context, cancellationToken =>
    {
        var (name, type) = NameAndType(request.Urn, request.Name, request.Type);
        var resource = _dispatcher.Resource(type);
        var inputs = PropertyCodec.Decode(request.Properties);
        var secrets = _schema.SecretProperties(type);
        if (request.Preview)
        {
            var preview = SecretPropagation.Apply(resource.PreviewCreate(inputs), [inputs], secrets);
            return Task.FromResult(new CreateResponse { Properties = PropertyCodec.Encode(preview) });
        }

        // Started here, so that what waits for it holds the decoded inputs but not the wire request (see Guard).
        var creating = resource.CreateAsync(CallOf(request.Urn, name, type, request.Timeout), inputs, cancellationToken);
        return CreatedAsync(creating, inputs, secrets);
    });

    public Task<ReadResponse> Read(WireReadRequest request, ServerCallContext context) => Guard(context, async cancellationToken =>
    {
        var (name, type) = NameAndType(request.Urn, request.Name, request.Type);
        var resource = _dispatcher.Resource(type);
        var oldState = PropertyCodec.Decode(request.Properties);
        var oldInputs = PropertyCodec.Decode(request.Inputs);
        var secrets = _schema.SecretProperties(type);
        var call = CallOf(request.Urn, name, type, request.Timeout);
        var found = await SecureInitFailure(() => resource.ReadAsync(call, request.Id, oldState, oldInputs, cancellationToken), [oldInputs, oldState], secrets)
            .ConfigureAwait(false);
        if (found is not { } live)
        {
            // An empty id tells the engine the resource is gone; handlers return NotFound only when that is certain.
            return new ReadResponse { Id = string.Empty };
        }

        return new ReadResponse
        {
            Id = live.Id,
            Properties = PropertyCodec.Encode(SecretPropagation.Apply(live.State, [oldInputs, oldState], secrets)),
            Inputs = live.Inputs is null ? null : PropertyCodec.Encode(SecretPropagation.Apply(live.Inputs, [oldInputs, oldState], secrets)),
        };
    });

    public Task<UpdateResponse> Update(WireUpdateRequest request, ServerCallContext context) => Guard(context, cancellationToken =>
    {
        var (name, type) = NameAndType(request.Urn, request.Name, request.Type);
        var resource = _dispatcher.Resource(type);
        var oldState = PropertyCodec.Decode(request.Olds);
        var newInputs = PropertyCodec.Decode(request.News);
        var secrets = _schema.SecretProperties(type);
        if (request.Preview)
        {
            var preview = SecretPropagation.Apply(resource.PreviewUpdate(oldState, newInputs), [newInputs, oldState], secrets);
            return Task.FromResult(new UpdateResponse { Properties = PropertyCodec.Encode(preview) });
        }

        // Started here: the binding turns the old state and inputs into the handler's records before it first waits, so
        // neither they nor the wire request stay referenced while the update runs; only the new inputs are kept, for the
        // secrets of the answer (see Guard).
        var updating = resource.UpdateAsync(
            CallOf(request.Urn, name, type, request.Timeout), request.Id, oldState, PropertyCodec.Decode(request.OldInputs), newInputs, request.IgnoreChanges, cancellationToken);
        return UpdatedAsync(updating, newInputs, secrets);
    });

    public Task<Empty> Delete(WireDeleteRequest request, ServerCallContext context) => Guard(context, cancellationToken =>
    {
        var (name, type) = NameAndType(request.Urn, request.Name, request.Type);
        var resource = _dispatcher.Resource(type);
        var deleting = resource.DeleteAsync(CallOf(request.Urn, name, type, request.Timeout), request.Id, PropertyCodec.Decode(request.Properties), cancellationToken);
        return DeletedAsync(deleting);
    });

    public void Dispose() => _cancellation.Dispose();

    /// <summary>
    /// Runs a call with the Cancel-linked token and turns every exception into a meaningful status. The call is started
    /// here and only its task is awaited: its delegate, whose closure holds the engine's wire request, is not kept by
    /// anything that waits, so a long create, update or delete does not keep that message alive (with a thousand
    /// operations in flight, a thousand messages of old state and inputs).
    /// </summary>
    private Task<T> Guard<T>(ServerCallContext context, Func<CancellationToken, Task<T>> call)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token, context.CancellationToken);
        Task<T> running;
        try
        {
            running = call(linked.Token);
        }
        catch (Exception exception)
        {
            linked.Dispose();
            return Task.FromException<T>(ErrorMapper.ToRpcException(exception, _definition.ExceptionTranslator));
        }

        return AwaitGuardedAsync(running, linked);
    }

    private async Task<T> AwaitGuardedAsync<T>(Task<T> running, CancellationTokenSource linked)
    {
        using (linked)
        {
            try
            {
                return await running.ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                throw ErrorMapper.ToRpcException(exception, _definition.ExceptionTranslator);
            }
        }
    }

    private static async Task<CreateResponse> CreatedAsync(Task<(string Id, PropertyMap State)> creating, PropertyMap inputs, IReadOnlySet<string> secrets)
    {
        var (id, state) = await SecureInitFailure(() => creating, [inputs], secrets).ConfigureAwait(false);
        return new CreateResponse { Id = id, Properties = PropertyCodec.Encode(SecretPropagation.Apply(state, [inputs], secrets)) };
    }

    private static async Task<UpdateResponse> UpdatedAsync(Task<PropertyMap> updating, PropertyMap newInputs, IReadOnlySet<string> secrets)
    {
        var state = await SecureInitFailure(() => updating, [newInputs], secrets).ConfigureAwait(false);
        return new UpdateResponse { Properties = PropertyCodec.Encode(SecretPropagation.Apply(state, [newInputs], secrets)) };
    }

    private static async Task<Empty> DeletedAsync(Task deleting)
    {
        await deleting.ConfigureAwait(false);
        return new Empty();
    }

    /// <summary>Outputs inside a partial-failure detail obey the same secret rules as a successful answer.</summary>
    private static async Task<T> SecureInitFailure<T>(Func<Task<T>> call, IReadOnlyList<PropertyMap> secretSources, IReadOnlySet<string> secrets)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ResourceInitFailedException exception)
        {
            throw new ResourceInitFailedException(exception.Id, SecretPropagation.Apply(exception.State, secretSources, secrets), exception.Reasons, exception)
            {
                Inputs = exception.Inputs is null ? null : SecretPropagation.Apply(exception.Inputs, secretSources, secrets),
                RefreshBeforeUpdate = exception.RefreshBeforeUpdate,
            };
        }
    }

    private ResourceBinding.CallInfo CallOf(string urn, string name, string type, double timeoutSeconds) =>
        new(urn, name, type, _engine.ForResource(urn), timeoutSeconds > 0 ? TimeSpan.FromSeconds(timeoutSeconds) : null);

    /// <summary>
    /// Old inputs as the engine sent them. Engines from before <c>old_inputs</c> existed send only the state; then the
    /// state's values of the schema's input properties stand in for them (so a removed input still shows as a delete).
    /// </summary>
    private PropertyMap OldInputsOrState(Google.Protobuf.WellKnownTypes.Struct? oldInputs, PropertyMap oldState, string type)
    {
        var sent = PropertyCodec.Decode(oldInputs);
        if (sent.Count > 0 || oldState.Count == 0)
        {
            return sent;
        }

        var inputNames = _schema.InputProperties(type);
        return PropertyMap.From(oldState.Where(pair => inputNames.Contains(pair.Key)));
    }

    private static (string Name, string Type) NameAndType(string urn, string name, string type) =>
        (string.IsNullOrEmpty(name) ? UrnParts.NameOf(urn) : name, string.IsNullOrEmpty(type) ? UrnParts.TypeOf(urn) : type);

    /// <summary>The engine restores a dropped <c>version</c> and rejects a changed one: hand back exactly what it sent.</summary>
    private static PropertyMap KeepVersion(PropertyMap result, PropertyMap sent) =>
        sent.TryGetValue(ConfigDecoder.VersionKey, out var version) ? result.With(ConfigDecoder.VersionKey, version) : result.Without(ConfigDecoder.VersionKey);

    private static PropertyMap WithoutVersion(PropertyMap config) => config.Without(ConfigDecoder.VersionKey);

    private static WireCheckResponse CheckResponseOf(CheckResult result)
    {
        var response = new WireCheckResponse { Inputs = PropertyCodec.Encode(result.Inputs) };
        response.Failures.AddRange(result.Failures.Select(ToWire));
        return response;
    }

    private static WireCheckFailure ToWire(Resources.CheckFailure failure) => new() { Property = failure.Property, Reason = failure.Reason };

    private static DiffResponse DiffResponseOf(DiffResult result)
    {
        var response = new DiffResponse
        {
            Changes = result.HasChanges ? DiffResponse.Types.DiffChanges.DiffSome : DiffResponse.Types.DiffChanges.DiffNone,
            HasDetailedDiff = true,
            DeleteBeforeReplace = result.DeleteBeforeReplace,
        };
        foreach (var (path, kind) in result.DetailedDiff)
        {
            response.DetailedDiff[path] = new PropertyDiff { Kind = (PropertyDiff.Types.Kind)(int)kind, InputDiff = true };
        }

        response.Diffs.AddRange(result.DetailedDiff.Keys.Select(PropertyPaths.TopLevelKey).Distinct(StringComparer.Ordinal));
        response.Replaces.AddRange(result.DetailedDiff
            .Where(pair => pair.Value is PropertyDiffKind.AddReplace or PropertyDiffKind.DeleteReplace or PropertyDiffKind.UpdateReplace)
            .Select(pair => PropertyPaths.TopLevelKey(pair.Key))
            .Distinct(StringComparer.Ordinal));
        return response;
    }
}
