using System.Diagnostics;
using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Resources;
using Names = Otc.Provider.Resources.VpcEndpointApproval.ApprovalProperties;

namespace Otc.Provider.Resources.VpcEndpointApproval;

/// <summary>
/// <c>otc:vpcep:VpcEndpointApproval</c>, the service owner's side of connections: the listed endpoints are accepted
/// (the API's verb is <c>receive</c>, one endpoint per call), endpoints taken off the list are rejected, and deleting the
/// resource rejects them all. Its id is the service's id, so one service should have one approval resource. Read
/// reports the connections' live status: a connection rejected in the console drops out of <c>endpointIds</c>, which
/// the next plan shows as drift and the next up accepts again.
/// </summary>
public sealed class VpcEndpointApprovalHandler(OtcClientProvider clients, WaitPolicy? waitPolicy = null)
    : IResourceHandler<VpcEndpointApprovalArgs, VpcEndpointApprovalState>,
        ICustomCheck,
        ICustomDiff,
        IReadable<VpcEndpointApprovalArgs, VpcEndpointApprovalState>,
        IUpdatable<VpcEndpointApprovalArgs, VpcEndpointApprovalState>,
        IDeletable<VpcEndpointApprovalState>
{
    public const string TypeToken = "otc:vpcep:VpcEndpointApproval";

    /// <summary>How long accepting (or rejecting) all listed connections may take.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private const string Accepted = "accepted";
    private const string PendingAcceptance = "pendingAcceptance";
    private const string Creating = "creating";
    private const string Failed = "failed";
    private const string Rejected = "rejected";

    /// <summary>The error appendix: "The VPC endpoint in the Failed status cannot be modified" (a receive of a failed endpoint).</summary>
    private const string FailedCannotBeModified = "EndPoint.2047";

    /// <summary>A reject is done, or under way, once the connection shows one of these (or is gone).</summary>
    private static readonly string[] RejectFinished = [Rejected, Removal.Deleting];

    public string Token => TypeToken;

    private WaitPolicy Policy => waitPolicy ?? new WaitPolicy();

    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApprovalInputValidator.Check(request.NewInputs));

    public DiffResult Diff(DiffRequest request, PropertyDiffer defaultDiffer) => defaultDiffer.Diff(request with
    {
        OldInputs = ApprovalInputValidator.Normalise(request.OldInputs),
        NewInputs = ApprovalInputValidator.Normalise(request.NewInputs),
    });

    public async Task<CreateResult<VpcEndpointApprovalState>> CreateAsync(
        CreateRequest<VpcEndpointApprovalArgs> request, CancellationToken cancellationToken)
    {
        var inputs = request.Inputs;
        var state = await ApplyAsync(inputs, alreadyAccepted: [], formerlyListed: [], request.Log, request.Timeout, cancellationToken).ConfigureAwait(false);
        return new CreateResult<VpcEndpointApprovalState>(inputs.ServiceId, state);
    }

    public async Task<ReadResult<VpcEndpointApprovalArgs, VpcEndpointApprovalState>> ReadAsync(
        ReadRequest<VpcEndpointApprovalArgs, VpcEndpointApprovalState> request, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var serviceId = request.OldInputs?.ServiceId ?? request.OldState?.Settings.ServiceId ?? request.Id;
        var connections = await CloudCalls.ReadOrGoneAsync(
            token => client.ListConnectionsAsync(serviceId, token), $"the connections of endpoint service {serviceId}", request.Timeout, cancellationToken).ConfigureAwait(false);
        if (connections is null)
        {
            return ReadResult<VpcEndpointApprovalArgs, VpcEndpointApprovalState>.NotFound;
        }

        // An import lists every accepted connection; a refresh keeps the user's list, less what is no longer accepted.
        var listed = request.OldInputs?.EndpointIds ?? request.OldState?.Settings.EndpointIds;
        var state = StateOf(serviceId, connections, listed);
        return ReadResult<VpcEndpointApprovalArgs, VpcEndpointApprovalState>.Found(serviceId, state, state.Settings);
    }

    public async Task<UpdateResult<VpcEndpointApprovalState>> UpdateAsync(
        UpdateRequest<VpcEndpointApprovalArgs, VpcEndpointApprovalState> request, CancellationToken cancellationToken)
    {
        var formerlyListed = request.OldInputs?.EndpointIds ?? request.OldState.Settings.EndpointIds;
        var state = await ApplyAsync(
            request.NewInputs, request.OldState.Settings.EndpointIds, formerlyListed, request.Log, request.Timeout, cancellationToken).ConfigureAwait(false);
        return new UpdateResult<VpcEndpointApprovalState>(state);
    }

    /// <summary>Rejects every listed endpoint that is still connected; a service or endpoint that is gone needs nothing.</summary>
    public async Task DeleteAsync(DeleteRequest<VpcEndpointApprovalState> request, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var serviceId = request.OldState.Settings.ServiceId;
        IReadOnlyList<ServiceConnection> connections;
        try
        {
            connections = await client.ListConnectionsAsync(serviceId, cancellationToken).ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (exception.IsNotFound)
        {
            return;
        }

        foreach (var id in request.OldState.Settings.EndpointIds)
        {
            if (connections.FirstOrDefault(connection => connection.Id == id) is { Status: Accepted or PendingAcceptance })
            {
                await RejectAsync(client, serviceId, id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Accepts every desired endpoint that is not accepted yet and rejects every formerly listed one that is no longer
    /// desired; returns the live state. A failure after a change hands back the service id and what the cloud now shows.
    /// </summary>
    private async Task<VpcEndpointApprovalState> ApplyAsync(
        VpcEndpointApprovalArgs desired,
        IReadOnlyList<string> alreadyAccepted,
        IReadOnlyList<string> formerlyListed,
        IResourceLog log,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var serviceId = desired.ServiceId;
        var started = Stopwatch.GetTimestamp();
        var limit = timeout ?? DefaultTimeout;
        var changed = false;
        try
        {
            // What the cloud shows now, not what the state remembers: a connection rejected in the console is accepted again.
            var current = await client.ListConnectionsAsync(serviceId, cancellationToken).ConfigureAwait(false);
            var failedEndpoints = new List<string>();
            foreach (var id in desired.EndpointIds.Distinct(StringComparer.Ordinal))
            {
                var connection = current.FirstOrDefault(candidate => candidate.Id == id);
                if (connection is { Status: Accepted })
                {
                    continue;
                }

                try
                {
                    await AcceptAsync(client, serviceId, id, connection, log, CloudCalls.Remaining(started, limit), () => changed = true, cancellationToken).ConfigureAwait(false);
                }
                catch (FailedEndpointException failed)
                {
                    // The others are still accepted; the failed ones are reported together at the end.
                    failedEndpoints.Add(failed.Message);
                }
            }

            foreach (var id in formerlyListed.Union(alreadyAccepted, StringComparer.Ordinal).Except(desired.EndpointIds, StringComparer.Ordinal))
            {
                if (current.FirstOrDefault(candidate => candidate.Id == id) is { Status: Accepted or PendingAcceptance })
                {
                    await RejectAsync(client, serviceId, id, cancellationToken).ConfigureAwait(false);
                    changed = true;
                }
            }

            if (failedEndpoints.Count > 0)
            {
                throw new ProviderException(ProviderErrorKind.FailedPrecondition, string.Join("; ", failedEndpoints));
            }

            var after = await client.ListConnectionsAsync(serviceId, cancellationToken).ConfigureAwait(false);
            return StateOf(serviceId, after, desired.EndpointIds);
        }
        catch (Exception exception) when (changed)
        {
            var live = await CloudCalls.BestEffortAsync(token => client.ListConnectionsAsync(serviceId, token)).ConfigureAwait(false);
            var state = live is null
                ? new VpcEndpointApprovalState { Settings = desired with { EndpointIds = alreadyAccepted }, Connections = [] }
                : StateOf(serviceId, live, desired.EndpointIds);
            throw new ResourceInitFailedException(serviceId, state.ToProperties(), [CloudCalls.ReasonOf($"the connections of endpoint service {serviceId}", exception)], exception);
        }
    }

    /// <summary>
    /// Waits while the endpoint is still being created, accepts it, and waits until the connection is accepted. A
    /// <c>failed</c> endpoint is not sent a <c>receive</c> (one cloud accepts it, another refuses it with
    /// <c>EndPoint.2047</c>); it fails at once, naming the endpoint and the cloud's reason, and nothing is retried.
    /// </summary>
    private async Task AcceptAsync(
        IVpcepClient client, string serviceId, string endpointId, ServiceConnection? connection, IResourceLog log, TimeSpan timeout, Action markChanged, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        connection ??= await ConnectionAsync(client, serviceId, endpointId, cancellationToken).ConfigureAwait(false);
        while (connection.Status == Creating)
        {
            await UserMessages.SendAsync(log.StatusAsync($"waiting for VPC endpoint {endpointId} to finish connecting before accepting it")).ConfigureAwait(false);
            await PauseAsync(started, timeout, endpointId, "finish connecting", cancellationToken).ConfigureAwait(false);
            connection = await ConnectionAsync(client, serviceId, endpointId, cancellationToken).ConfigureAwait(false);
        }

        if (connection.Status == Failed)
        {
            throw FailedEndpoint(serviceId, endpointId, connection, refusal: null);
        }

        IReadOnlyList<ServiceConnection> answered;
        try
        {
            answered = await client.ActOnConnectionAsync(serviceId, ConnectionAction.Receive, endpointId, cancellationToken).ConfigureAwait(false);
        }
        catch (OtcApiException refusal) when (string.Equals(refusal.ErrorCode, FailedCannotBeModified, StringComparison.OrdinalIgnoreCase))
        {
            // It failed between the read and the receive: the connection's error entries carry the reason.
            var failed = await CloudCalls.BestEffortAsync(token => client.ListConnectionsAsync(serviceId, endpointId, token)).ConfigureAwait(false);
            throw FailedEndpoint(serviceId, endpointId, failed?.FirstOrDefault(candidate => candidate.Id == endpointId) ?? connection, refusal);
        }

        markChanged();
        connection = answered.FirstOrDefault(candidate => candidate.Id == endpointId) ?? connection;
        while (connection.Status != Accepted)
        {
            if (connection.Status == Failed)
            {
                throw FailedEndpoint(serviceId, endpointId, connection, refusal: null);
            }

            await UserMessages.SendAsync(log.StatusAsync($"waiting for the connection of VPC endpoint {endpointId} to become accepted: status {connection.Status}")).ConfigureAwait(false);
            await PauseAsync(started, timeout, endpointId, "become accepted", cancellationToken).ConfigureAwait(false);
            connection = await ConnectionAsync(client, serviceId, endpointId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Rejects one connection. A refusal after which the connection is gone (the endpoint was deleted, or no longer
    /// belongs to the service), rejected or being deleted counts as done (<see cref="Removal"/>).
    /// </summary>
    private static Task RejectAsync(IVpcepClient client, string serviceId, string endpointId, CancellationToken cancellationToken)
        => Removal.RemoveAsync(
            token => client.ActOnConnectionAsync(serviceId, ConnectionAction.Reject, endpointId, token),
            async token => (await client.ListConnectionsAsync(serviceId, endpointId, token).ConfigureAwait(false))
                .FirstOrDefault(candidate => candidate.Id == endpointId)?.Status,
            RejectFinished,
            cancellationToken);

    /// <summary>Accepting a failed endpoint: the error names the endpoint, the service and the cloud's reason.</summary>
    private static FailedEndpointException FailedEndpoint(string serviceId, string endpointId, ServiceConnection connection, OtcApiException? refusal)
    {
        var reason = connection.Errors.Count > 0 ? ServiceError.Summarize(connection.Errors) : refusal?.ErrorMessage ?? "no error details reported";
        var refused = refusal is null ? string.Empty : " " + OtcExceptionTranslator.Describe(refusal);
        return new FailedEndpointException(
            $"{Names.EndpointIds}: VPC endpoint {endpointId} cannot be accepted: its connection to service {serviceId} failed ({reason}); "
            + "delete and recreate the endpoint, or take it off the list." + refused,
            refusal);
    }

    /// <summary>One listed endpoint is <c>failed</c>; the others are still accepted before the update reports it.</summary>
    private sealed class FailedEndpointException(string message, Exception? refusal)
        : ProviderException(ProviderErrorKind.FailedPrecondition, message, refusal);

    private static async Task<ServiceConnection> ConnectionAsync(IVpcepClient client, string serviceId, string endpointId, CancellationToken cancellationToken)
    {
        var found = await client.ListConnectionsAsync(serviceId, endpointId, cancellationToken).ConfigureAwait(false);
        return found.FirstOrDefault(connection => connection.Id == endpointId)
            ?? throw new ProviderException(ProviderErrorKind.InvalidInput,
                $"{Names.EndpointIds}: VPC endpoint {endpointId} does not connect to service {serviceId} (the service lists no connection of it); "
                + "check the endpoint's serviceId, and that its owner's account is on the service's whitelist");
    }

    /// <summary>One poll interval, or a timeout error once <paramref name="timeout"/> has passed since <paramref name="started"/>.</summary>
    private async Task PauseAsync(long started, TimeSpan timeout, string endpointId, string awaited, CancellationToken cancellationToken)
    {
        var remaining = CloudCalls.Remaining(started, timeout);
        if (remaining <= TimeSpan.Zero)
        {
            throw new ProviderException(ProviderErrorKind.Timeout, $"the connection of VPC endpoint {endpointId} did not {awaited} within {timeout}");
        }

        await Task.Delay(Policy.InitialDelay < remaining ? Policy.InitialDelay : remaining, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The state for the cloud's connections: the listed endpoints that are accepted (all accepted ones when none are listed yet, as on import).</summary>
    private static VpcEndpointApprovalState StateOf(string serviceId, IReadOnlyList<ServiceConnection> connections, IReadOnlyList<string>? listed)
    {
        var accepted = connections.Where(connection => connection.Status == Accepted).Select(connection => connection.Id).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> endpointIds = listed is null
            ? [.. connections.Where(connection => accepted.Contains(connection.Id)).Select(connection => connection.Id)]
            : [.. listed.Where(accepted.Contains)];
        return new VpcEndpointApprovalState
        {
            Settings = new VpcEndpointApprovalArgs { ServiceId = serviceId, EndpointIds = endpointIds },
            Connections = [.. connections.Select(ApprovalConnection.From)],
        };
    }
}
