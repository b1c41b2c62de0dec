using System.Diagnostics;
using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// <c>otc:vpcep:VpcEndpointService</c>: check, diff and preview are pure; create, read, update and delete drive the
/// VPCEP API through the configured client. Once the cloud has assigned an id, every failure returns that id with the
/// live state so the engine never loses the service.
/// </summary>
public sealed class VpcEndpointServiceHandler(OtcClientProvider clients, WaitPolicy? waitPolicy = null)
    : IResourceHandler<VpcEndpointServiceArgs, VpcEndpointServiceState>,
        ICustomCheck,
        ICustomDiff,
        ICustomPreview,
        IOptionalComputedInputs,
        IReadable<VpcEndpointServiceArgs, VpcEndpointServiceState>,
        IUpdatable<VpcEndpointServiceArgs, VpcEndpointServiceState>,
        IDeletable<VpcEndpointServiceState>
{
    public const string TypeToken = "otc:vpcep:VpcEndpointService";

    /// <summary>Create, update and delete waits; the docs quote 1-2 minutes for the asynchronous steps.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private const string Available = "available";
    private const string Failed = "failed";
    private const string InUseErrorCode = "EndPoint.3006";
    private const string What = "endpoint service";

    public string Token => TypeToken;

    /// <summary>
    /// Whether every modify PUT carries the desired <c>approval_enabled</c> and <c>tcp_proxy</c> (see
    /// <see cref="UpdatePlan.ModifyRequest"/>). Always true in the provider; a test turns it off to show that the strict
    /// emulator catches the omission.
    /// </summary>
    internal bool SendsDocumentedModifyDefaults { get; init; } = true;

    public IReadOnlySet<string> OptionalComputedInputs => ServiceProperties.OptionalComputed;

    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ServiceInputValidator.Check(request.NewInputs));

    public DiffResult Diff(DiffRequest request, PropertyDiffer defaultDiffer) => ServiceDiff.Diff(request, defaultDiffer);

    public PropertyMap PreviewCreate(PropertyMap inputs) => ServicePreview.Create(inputs);

    public PropertyMap PreviewUpdate(PropertyMap oldState, PropertyMap newInputs) => ServicePreview.Update(oldState, newInputs);

    public async Task<CreateResult<VpcEndpointServiceState>> CreateAsync(
        CreateRequest<VpcEndpointServiceArgs> request, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var started = Stopwatch.GetTimestamp();
        var timeout = request.Timeout ?? DefaultTimeout;
        var created = await client.CreateServiceAsync(ServiceMapper.ToCreateRequest(request.Inputs), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, "OTC accepted the endpoint service but reported no id; check the console before retrying.");
        }

        // From here on the service exists: every failure must hand its id back.
        var id = created.Id;
        EndpointService? available = null;
        var permissionsSent = false;
        try
        {
            available = await WaitForAvailableAsync(client, created, CloudCalls.Remaining(started, timeout), request.Log, cancellationToken).ConfigureAwait(false);
            var wanted = request.Inputs.PermissionSet;
            if (wanted.Count > 0)
            {
                permissionsSent = true;
                await client.UpdatePermissionsAsync(id, PermissionAction.Add, [.. wanted.Select(Permissions.ToWire)], cancellationToken).ConfigureAwait(false);
            }

            return new CreateResult<VpcEndpointServiceState>(id, ServiceMapper.ToState(available, wanted, request.Inputs, client.Region));
        }
        catch (Exception exception)
        {
            // A cut-off permissions call may still have been applied, so the whitelist is re-read then; before it, it is empty.
            var fallback = ServiceMapper.ToState(created, [], request.Inputs, client.Region);
            throw await InitFailedAsync(
                client, id, LiveServiceFrom(exception) ?? available, permissionsSent ? null : [], fallback, request.Inputs, exception).ConfigureAwait(false);
        }
    }

    public async Task<ReadResult<VpcEndpointServiceArgs, VpcEndpointServiceState>> ReadAsync(
        ReadRequest<VpcEndpointServiceArgs, VpcEndpointServiceState> request, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var live = await CloudCalls.ReadOrGoneAsync(
            async token => new LiveService(
                await client.GetServiceAsync(request.Id, token).ConfigureAwait(false),
                await client.ListPermissionsAsync(request.Id, token).ConfigureAwait(false)),
            $"endpoint service {request.Id}",
            request.Timeout,
            cancellationToken).ConfigureAwait(false);
        if (live is null)
        {
            return ReadResult<VpcEndpointServiceArgs, VpcEndpointServiceState>.NotFound;
        }

        var (service, permissions) = live;

        var preferred = request.OldInputs ?? request.OldState?.Settings;
        var state = ServiceMapper.ToState(service, [.. permissions.Select(p => p.Permission)], preferred, client.Region);
        var inputs = ServiceMapper.ToInputs(state, request.OldInputs);
        if (string.Equals(service.Status, Failed, StringComparison.OrdinalIgnoreCase))
        {
            throw new ResourceInitFailedException(request.Id, state.ToProperties(), [new ServiceFailedException(service).Message])
            {
                Inputs = inputs.ToProperties(),
            };
        }

        return ReadResult<VpcEndpointServiceArgs, VpcEndpointServiceState>.Found(request.Id, state, inputs);
    }

    public async Task<UpdateResult<VpcEndpointServiceState>> UpdateAsync(
        UpdateRequest<VpcEndpointServiceArgs, VpcEndpointServiceState> request, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var started = Stopwatch.GetTimestamp();
        var timeout = request.Timeout ?? DefaultTimeout;
        var id = request.Id;
        var desired = request.NewInputs;

        // The old state holds the live values as last seen (after a partly failed update too), so a retry applies the gap.
        var current = request.OldState.Settings;
        var plan = UpdatePlan.Build(current, desired, SendsDocumentedModifyDefaults);
        var applied = false;
        EndpointService? service = null;
        try
        {
            if (!CloudCalls.IsStatus(request.OldState.Status, Available))
            {
                service = await ServiceWaiter.WaitForAvailableAsync(
                    client, id, CloudCalls.Remaining(started, timeout), new StatusProgress(request.Log, What, Available), cancellationToken, waitPolicy).ConfigureAwait(false);
            }

            if (plan.Modify is { } modify)
            {
                service = await client.UpdateServiceAsync(id, modify, cancellationToken).ConfigureAwait(false);
                applied = true;
                service = await WaitForAvailableAsync(client, service, CloudCalls.Remaining(started, timeout), request.Log, cancellationToken).ConfigureAwait(false);
            }

            await plan.Tags.ApplyAsync(client, TaggedResourceType.EndpointService, id, () => applied = true, cancellationToken).ConfigureAwait(false);
            await ApplyPermissionsAsync(client, id, plan, () => applied = true, cancellationToken).ConfigureAwait(false);

            // Only a PUT answer with no later tag change is current; otherwise read what the cloud now reports.
            if (service is null || !plan.Tags.IsEmpty || plan.Modify is null)
            {
                service = await client.GetServiceAsync(id, cancellationToken).ConfigureAwait(false);
            }

            var permissions = current.PermissionSet.Except(plan.PermissionsToRemove, StringComparer.Ordinal).Union(plan.PermissionsToAdd, StringComparer.Ordinal);
            return new UpdateResult<VpcEndpointServiceState>(ServiceMapper.ToState(service, [.. permissions], desired, client.Region));
        }
        catch (Exception exception) when (applied)
        {
            throw await InitFailedAsync(client, id, null, null, request.OldState, desired, exception).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(DeleteRequest<VpcEndpointServiceState> request, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        try
        {
            var outcome = await Removal.DeleteAsync(
                token => client.DeleteServiceAsync(request.Id, token),
                async token => (await client.GetServiceAsync(request.Id, token).ConfigureAwait(false)).Status,
                cancellationToken).ConfigureAwait(false);
            if (outcome == RemovalOutcome.AlreadyGone)
            {
                return;
            }
        }
        catch (OtcApiException exception) when (string.Equals(exception.ErrorCode, InUseErrorCode, StringComparison.OrdinalIgnoreCase))
        {
            throw await InUseErrorAsync(client, request.Id, exception, cancellationToken).ConfigureAwait(false);
        }

        await ServiceWaiter.WaitForDeletedAsync(
            client, request.Id, request.Timeout ?? DefaultTimeout, new StatusProgress(request.Log, What, "deleted"), cancellationToken, waitPolicy, deletionRequested: true)
            .ConfigureAwait(false);
    }

    private async Task<EndpointService> WaitForAvailableAsync(
        IVpcepClient client, EndpointService service, TimeSpan timeout, IResourceLog log, CancellationToken cancellationToken)
    {
        if (CloudCalls.IsStatus(service.Status, Available))
        {
            return service;
        }

        if (CloudCalls.IsStatus(service.Status, Failed))
        {
            throw new ServiceFailedException(service);
        }

        // The answer just read is the first observation: the first poll comes one interval later.
        return await ServiceWaiter.WaitForAvailableAsync(client, service.Id, timeout, new StatusProgress(log, What, Available), cancellationToken, waitPolicy, current: service)
            .ConfigureAwait(false);
    }

    private static async Task ApplyPermissionsAsync(IVpcepClient client, string id, UpdatePlan plan, Action markApplied, CancellationToken cancellationToken)
    {
        if (plan.PermissionsToRemove.Count > 0)
        {
            await client.UpdatePermissionsAsync(id, PermissionAction.Remove, [.. plan.PermissionsToRemove.Select(Permissions.ToWire)], cancellationToken)
                .ConfigureAwait(false);
            markApplied();
        }

        if (plan.PermissionsToAdd.Count > 0)
        {
            await client.UpdatePermissionsAsync(id, PermissionAction.Add, [.. plan.PermissionsToAdd.Select(Permissions.ToWire)], cancellationToken)
                .ConfigureAwait(false);
            markApplied();
        }
    }

    /// <summary>
    /// The partial-failure answer: the id plus the live state, re-read where it is not known (a retry must see the
    /// gap between desired and actual). If the re-read fails too, <paramref name="fallback"/> (the last state known) is used.
    /// </summary>
    private static async Task<ResourceInitFailedException> InitFailedAsync(
        IVpcepClient client,
        string id,
        EndpointService? knownService,
        IReadOnlyList<string>? knownPermissions,
        VpcEndpointServiceState fallback,
        VpcEndpointServiceArgs desired,
        Exception failure)
    {
        var service = knownService ?? await CloudCalls.BestEffortAsync(token => client.GetServiceAsync(id, token)).ConfigureAwait(false);
        var permissions = knownPermissions
            ?? (await CloudCalls.BestEffortAsync(token => client.ListPermissionsAsync(id, token)).ConfigureAwait(false))?.Select(p => p.Permission).ToList();

        var state = service is null
            ? fallback
            : ServiceMapper.ToState(service, permissions ?? fallback.Settings.Permissions ?? [], desired, client.Region);
        return new ResourceInitFailedException(id, state.ToProperties(), [CloudCalls.ReasonOf($"endpoint service {id}", failure)], failure);
    }

    private static EndpointService? LiveServiceFrom(Exception exception) => exception switch
    {
        ServiceFailedException failed => failed.Service,
        WaitTimeoutException { LastSeen: { } lastSeen } => lastSeen,
        _ => null,
    };

    private static async Task<ProviderException> InUseErrorAsync(IVpcepClient client, string id, OtcApiException inUse, CancellationToken cancellationToken)
    {
        string users;
        try
        {
            var connections = await client.ListConnectionsAsync(id, cancellationToken).ConfigureAwait(false);
            users = connections.Count == 0
                ? "endpoints that are still being connected"
                : string.Join(", ", connections.Select(c => $"{c.Id} ({c.Status})"));
        }
        catch (Exception exception) when (exception is OtcApiException or OtcTransportException)
        {
            users = "its endpoints (the connection list could not be read)";
        }

        return new ProviderException(ProviderErrorKind.FailedPrecondition,
            $"endpoint service {id} is still in use by {users}; delete those endpoints or reject their connections, then retry. "
            + OtcExceptionTranslator.Describe(inUse),
            inUse);
    }

    /// <summary>What Read fetches: the service and its whole whitelist.</summary>
    private sealed record LiveService(EndpointService Service, IReadOnlyList<ServicePermission> Permissions);
}
