using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// <c>otc:vpcep:VpcEndpointService</c>: check, diff and preview are pure; create, read, update and delete drive the
/// VPCEP API through the configured client. Once the cloud has assigned an id, every failure returns that id with the
/// live state so the engine never loses the service.
/// </summary>
public sealed class VpcEndpointServiceHandler(OtcClientProvider clients, WaitPolicy? waitPolicy = null)
    : CloudResourceHandler<VpcEndpointServiceInputs, VpcEndpointServiceState>(clients, waitPolicy, TypeToken, "endpoint service"),
        ICustomDiff<VpcEndpointServiceInputs, VpcEndpointServiceState>,
        ICustomPreview<VpcEndpointServiceInputs, VpcEndpointServiceState>
{
    public const string TypeToken = "otc:vpcep:VpcEndpointService";

    private const string InUseErrorCode = "EndPoint.3006";

    public DiffResult Diff(DiffRequest<VpcEndpointServiceInputs, VpcEndpointServiceState> request, DiffResult result) => ServiceDiff.Refine(request, result);

    /// <summary>
    /// Whether every modify PUT carries the desired <c>approval_enabled</c> and <c>tcp_proxy</c> (see
    /// <see cref="ServiceMapper.ModifyRequest"/>). Always true in the provider; a test turns it off to show that the strict
    /// emulator catches the omission.
    /// </summary>
    internal bool SendsDocumentedModifyDefaults { get; init; } = true;

    public VpcEndpointServiceState PreviewCreate(VpcEndpointServiceInputs inputs) => ServicePreview.Create(inputs);

    public VpcEndpointServiceState PreviewUpdate(VpcEndpointServiceState oldState, VpcEndpointServiceInputs newInputs) => ServicePreview.Update(oldState, newInputs);

    public override Task<CreateResult<VpcEndpointServiceState>> CreateAsync(CreateRequest<VpcEndpointServiceInputs> request, CancellationToken cancellationToken)
    {
        var client = Client;
        var budget = TimeBudget.Start(request.Timeout);
        var wanted = request.Inputs.PermissionSet;
        EndpointService? available = null;
        var permissionsSent = false;
        return CreateThenAsync(
            token => client.CreateServiceAsync(ServiceMapper.ToCreateRequest(request.Inputs), token),
            created => created.Id,
            async created =>
            {
                available = await WaitForAvailableAsync(client, created, budget.Remaining, request.Log, cancellationToken).ConfigureAwait(false);
                if (wanted.Count > 0)
                {
                    permissionsSent = true;
                    await client.UpdatePermissionsAsync(created.Id, PermissionAction.Add, [.. wanted.Select(Permissions.ToWire)], cancellationToken).ConfigureAwait(false);
                }

                // A service just created has no connections yet; refresh reads the count.
                return WithConnectionCount(ServiceMapper.ToState(available, wanted, request.Inputs, client.Region), 0);
            },
            // A cut-off permissions call may still have been applied, so the whitelist is re-read then; before it, it is empty.
            (created, failure) => HandBackAsync(
                client, created.Id, LiveServiceFrom(failure) ?? available, permissionsSent ? null : [], ServiceMapper.ToState(created, [], request.Inputs, client.Region), request.Inputs, failure),
            cancellationToken);
    }

    public override Task<ReadResult<VpcEndpointServiceInputs, VpcEndpointServiceState>> ReadAsync(
        ReadRequest<VpcEndpointServiceInputs, VpcEndpointServiceState> request, CancellationToken cancellationToken)
    {
        var client = Client;
        var preferred = request.OldInputs ?? request.OldState?.Settings;
        return ReadWithHealthAsync(
            request.Id,
            async token => new LiveService(
                await client.GetServiceAsync(request.Id, token).ConfigureAwait(false),
                await client.ListPermissionsAsync(request.Id, token).ConfigureAwait(false),
                await ConnectionCountAsync(client, request.Id, token).ConfigureAwait(false)),
            live =>
            {
                var state = WithConnectionCount(
                    ServiceMapper.ToState(live.Service, [.. live.Permissions.Select(p => p.Permission)], preferred, client.Region),
                    live.ConnectionCount is { } count ? count : Input<long>.Absent);
                return (state, ServiceMapper.ToInputs(state, request.OldInputs));
            },
            live => StatusVocabulary.Is(live.Service.Status, ServiceStatus.Failed) ? new ServiceFailedException(live.Service).Message : null,
            request.Timeout,
            cancellationToken);
    }

    public override async Task<UpdateResult<VpcEndpointServiceState>> UpdateAsync(
        UpdateRequest<VpcEndpointServiceInputs, VpcEndpointServiceState> request, CancellationToken cancellationToken)
    {
        var client = Client;
        var budget = TimeBudget.Start(request.Timeout);
        var id = request.Id;
        var desired = request.NewInputs;

        // The old state holds the live values as last seen (after a partly failed update too), so a retry applies the gap.
        var current = request.OldState.Settings;
        var plan = UpdatePlan.Build(current, desired, SendsDocumentedModifyDefaults);
        var state = await HandBackOnFailureAsync(
            async markApplied =>
            {
                EndpointService? service = null;
                if (!StatusVocabulary.Is(request.OldState.Status.ValueOrDefault, ServiceStatus.Available))
                {
                    service = await ServiceWaiter.WaitForAvailableAsync(
                        client, id, budget.Remaining, Progress(request.Log, ServiceStatus.Available), cancellationToken, Waits).ConfigureAwait(false);
                }

                if (plan.Modify is { } modify)
                {
                    service = await client.UpdateServiceAsync(id, modify, cancellationToken).ConfigureAwait(false);
                    markApplied();
                    service = await WaitForAvailableAsync(client, service, budget.Remaining, request.Log, cancellationToken).ConfigureAwait(false);
                }

                await plan.Tags.ApplyAsync(client, TaggedResourceType.EndpointService, id, markApplied, cancellationToken).ConfigureAwait(false);
                await ApplyPermissionsAsync(client, id, plan, markApplied, cancellationToken).ConfigureAwait(false);

                // Only a PUT answer with no later tag change is current; otherwise read what the cloud now reports.
                if (service is null || !plan.Tags.IsEmpty || plan.Modify is null)
                {
                    service = await client.GetServiceAsync(id, cancellationToken).ConfigureAwait(false);
                }

                var permissions = current.PermissionSet.Except(plan.PermissionsToRemove, StringComparer.Ordinal).Union(plan.PermissionsToAdd, StringComparer.Ordinal);
                return WithConnectionCount(ServiceMapper.ToState(service, [.. permissions], desired, client.Region), request.OldState.ConnectionCount);
            },
            failure => HandBackAsync(client, id, null, null, request.OldState, desired, failure)).ConfigureAwait(false);
        return new UpdateResult<VpcEndpointServiceState>(state);
    }

    public override Task DeleteAsync(DeleteRequest<VpcEndpointServiceState> request, CancellationToken cancellationToken) => DeleteThenWaitAsync(
        request,
        DeletableKind.Service,
        cancellationToken,
        async (refusal, token) => string.Equals(refusal.ErrorCode, InUseErrorCode, StringComparison.OrdinalIgnoreCase)
            ? await InUseErrorAsync(Client, request.Id, refusal, token).ConfigureAwait(false)
            : null);

    private async Task<EndpointService> WaitForAvailableAsync(
        IVpcepClient client, EndpointService service, TimeSpan timeout, IResourceLog log, CancellationToken cancellationToken)
    {
        if (StatusVocabulary.Is(service.Status, ServiceStatus.Available))
        {
            return service;
        }

        if (StatusVocabulary.Is(service.Status, ServiceStatus.Failed))
        {
            throw new ServiceFailedException(service);
        }

        // The answer just read is the first observation: the first poll comes one interval later.
        return await ServiceWaiter.WaitForAvailableAsync(client, service.Id, timeout, Progress(log, ServiceStatus.Available), cancellationToken, Waits, current: service)
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
    /// The partial-failure answer for a service: the service and its whitelist as now known, each re-read where it is
    /// not (the whitelist of <paramref name="fallback"/> stands in when its re-read fails).
    /// </summary>
    private Task<ResourceInitFailedException> HandBackAsync(
        IVpcepClient client,
        string id,
        EndpointService? knownService,
        IReadOnlyList<string>? knownPermissions,
        VpcEndpointServiceState fallback,
        VpcEndpointServiceInputs desired,
        Exception failure) =>
        HandBackAsync(
            id,
            async token =>
            {
                var service = knownService ?? await client.GetServiceAsync(id, token).ConfigureAwait(false);
                var permissions = knownPermissions
                    ?? (await CloudCalls.BestEffortAsync(recovery => client.ListPermissionsAsync(id, recovery)).ConfigureAwait(false))?.Select(p => p.Permission).ToList()
                    ?? fallback.Settings.Permissions.ValueOrDefault?.Values
                    ?? [];
                return ServiceMapper.ToState(service, permissions, desired, client.Region);
            },
            fallback,
            failure);

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
    private static VpcEndpointServiceState WithConnectionCount(VpcEndpointServiceState state, Input<long> count) => state with { ConnectionCount = count };

    private sealed record LiveService(EndpointService Service, IReadOnlyList<ServicePermission> Permissions, long? ConnectionCount);

    /// <summary>
    /// The service's <c>connection_count</c>, which the API reports on list items only (one list call filtered by id);
    /// null when the list is refused or does not show the service, so a refresh never fails for a count.
    /// </summary>
    private static async Task<long?> ConnectionCountAsync(IVpcepClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            var listed = await client.ListServicesAsync(new ServiceListQuery { Id = id }, cancellationToken).ConfigureAwait(false);
            return listed.FirstOrDefault(service => service.Id == id)?.ConnectionCount;
        }
        catch (OtcApiException)
        {
            return null;
        }
    }
}
