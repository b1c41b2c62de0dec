using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Resources.VpcEndpointApproval;

/// <summary>
/// <c>otc:vpcep:VpcEndpointApproval</c>, the service owner's side of connections: the listed endpoints are accepted
/// (the API's verb is <c>receive</c>, one endpoint per call), endpoints taken off the list are rejected, and deleting the
/// resource rejects them all. Its id is the service's id, so one service should have one approval resource. Read
/// reports the connections' live status: a connection rejected in the console drops out of <c>endpointIds</c>, which
/// the next plan shows as drift and the next up accepts again.
/// </summary>
public sealed class VpcEndpointApprovalHandler(OtcClientProvider clients, WaitPolicy? waitPolicy = null)
    : CloudResourceHandler<VpcEndpointApprovalInputs, VpcEndpointApprovalState>(clients, waitPolicy, TypeToken, "the connections of endpoint service")
{
    public const string TypeToken = "otc:vpcep:VpcEndpointApproval";

    /// <summary>The error appendix: "The VPC endpoint in the Failed status cannot be modified" (a receive of a failed endpoint).</summary>
    private const string FailedCannotBeModified = "EndPoint.2047";

    /// <summary>A reject is done, or under way, once the connection shows one of these (or is gone).</summary>
    private static readonly string[] RejectFinished = [EndpointStatus.Rejected, EndpointStatus.Deleting];

    public override async Task<CreateResult<VpcEndpointApprovalState>> CreateAsync(CreateRequest<VpcEndpointApprovalInputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.Inputs;
        var state = await ApplyAsync(inputs, alreadyAccepted: [], formerlyListed: [], request.Log, request.Timeout, cancellationToken).ConfigureAwait(false);
        return new CreateResult<VpcEndpointApprovalState>(inputs.ServiceId.Value, state);
    }

    public override Task<ReadResult<VpcEndpointApprovalInputs, VpcEndpointApprovalState>> ReadAsync(
        ReadRequest<VpcEndpointApprovalInputs, VpcEndpointApprovalState> request, CancellationToken cancellationToken)
    {
        var serviceId = request.OldInputs?.ServiceId.ValueOrDefault ?? request.OldState?.Settings.ServiceId.ValueOrDefault ?? request.Id;

        // An import lists every accepted connection; a refresh keeps the user's list, less what is no longer accepted.
        var listed = request.OldInputs?.EndpointIdList ?? request.OldState?.Settings.EndpointIdList;
        return ReadWithHealthAsync(
            serviceId,
            token => Client.ListConnectionsAsync(serviceId, token),
            connections =>
            {
                var state = StateOf(serviceId, connections, listed);
                return (state, state.Settings);
            },
            unhealthy: _ => null,
            request.Timeout,
            cancellationToken);
    }

    public override async Task<UpdateResult<VpcEndpointApprovalState>> UpdateAsync(
        UpdateRequest<VpcEndpointApprovalInputs, VpcEndpointApprovalState> request, CancellationToken cancellationToken)
    {
        var formerlyListed = request.OldInputs?.EndpointIdList ?? request.OldState.Settings.EndpointIdList;
        var state = await ApplyAsync(
            request.NewInputs, request.OldState.Settings.EndpointIdList, formerlyListed, request.Log, request.Timeout, cancellationToken).ConfigureAwait(false);
        return new UpdateResult<VpcEndpointApprovalState>(state);
    }

    /// <summary>Rejects every listed endpoint that is still connected, within the operation's time budget; a service or endpoint that is gone needs nothing.</summary>
    public override Task DeleteAsync(DeleteRequest<VpcEndpointApprovalState> request, CancellationToken cancellationToken)
    {
        var client = Client;
        var serviceId = request.OldState.Settings.ServiceId.Value;
        return CloudCalls.WithinAsync(
            async token =>
            {
                IReadOnlyList<ServiceConnection> connections;
                try
                {
                    connections = await client.ListConnectionsAsync(serviceId, token).ConfigureAwait(false);
                }
                catch (OtcApiException exception) when (exception.IsNotFound)
                {
                    return;
                }

                foreach (var id in request.OldState.Settings.EndpointIdList)
                {
                    if (IsConnected(connections.FirstOrDefault(connection => connection.Id == id)))
                    {
                        await RejectAsync(client, serviceId, id, token).ConfigureAwait(false);
                    }
                }
            },
            $"rejecting the connections of endpoint service {serviceId}",
            request.Timeout ?? TimeBudget.DefaultTimeout,
            cancellationToken);
    }

    /// <summary>
    /// Accepts every desired endpoint that is not accepted yet and rejects every formerly listed one that is no longer
    /// desired; returns the live state. A failure after a change hands back the service id and what the cloud now shows.
    /// </summary>
    private Task<VpcEndpointApprovalState> ApplyAsync(
        VpcEndpointApprovalInputs desired,
        IReadOnlyList<string> alreadyAccepted,
        IReadOnlyList<string> formerlyListed,
        IResourceLog log,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        var client = Client;
        var serviceId = desired.ServiceId.Value;
        var budget = TimeBudget.Start(timeout);
        var wanted = desired.EndpointIdList;
        return HandBackOnFailureAsync(
            async markChanged =>
            {
                // What the cloud shows now, not what the state remembers: a connection rejected in the console is accepted again.
                var current = await client.ListConnectionsAsync(serviceId, cancellationToken).ConfigureAwait(false);
                var failedEndpoints = new List<string>();
                foreach (var id in wanted.Distinct(StringComparer.Ordinal))
                {
                    var connection = current.FirstOrDefault(candidate => candidate.Id == id);
                    if (StatusVocabulary.Is(connection?.Status, EndpointStatus.Accepted))
                    {
                        continue;
                    }

                    try
                    {
                        await AcceptAsync(client, serviceId, id, connection, log, budget, markChanged, cancellationToken).ConfigureAwait(false);
                    }
                    catch (FailedEndpointException failed)
                    {
                        // The others are still accepted; the failed ones are reported together at the end.
                        failedEndpoints.Add(failed.Message);
                    }
                }

                foreach (var id in formerlyListed.Union(alreadyAccepted, StringComparer.Ordinal).Except(wanted, StringComparer.Ordinal))
                {
                    if (IsConnected(current.FirstOrDefault(candidate => candidate.Id == id)))
                    {
                        await RejectAsync(client, serviceId, id, cancellationToken).ConfigureAwait(false);
                        markChanged();
                    }
                }

                if (failedEndpoints.Count > 0)
                {
                    throw new ProviderException(ProviderErrorKind.FailedPrecondition, string.Join("; ", failedEndpoints));
                }

                var after = await client.ListConnectionsAsync(serviceId, cancellationToken).ConfigureAwait(false);
                return StateOf(serviceId, after, wanted);
            },
            failure => HandBackAsync(
                serviceId,
                async token => StateOf(serviceId, await client.ListConnectionsAsync(serviceId, token).ConfigureAwait(false), wanted),
                new VpcEndpointApprovalState
                {
                    Settings = desired with { EndpointIds = InputList<string>.Of(alreadyAccepted) },
                    Connections = InputList<ApprovalConnection>.Empty,
                },
                failure));
    }

    /// <summary>
    /// Waits while the endpoint is still being created, accepts it, and waits until the connection is accepted. A
    /// <c>failed</c> endpoint is not sent a <c>receive</c> (one cloud accepts it, another refuses it with
    /// <c>EndPoint.2047</c>); it fails at once, naming the endpoint and the cloud's reason, and nothing is retried.
    /// </summary>
    private async Task AcceptAsync(
        IVpcepClient client,
        string serviceId,
        string endpointId,
        ServiceConnection? connection,
        IResourceLog log,
        TimeBudget budget,
        Action markChanged,
        CancellationToken cancellationToken)
    {
        connection ??= await ConnectionAsync(client, serviceId, endpointId, cancellationToken).ConfigureAwait(false);
        if (StatusVocabulary.Is(connection.Status, EndpointStatus.Creating))
        {
            connection = await WhileConnectingAsync(serviceId, endpointId, ConnectionWaiter.WaitUntilSettledAsync(
                client, serviceId, endpointId, budget.Remaining, ConnectionProgress(log, "ready to accept"), cancellationToken, Waits, current: connection)).ConfigureAwait(false);
        }

        if (StatusVocabulary.Is(connection.Status, EndpointStatus.Failed))
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
        if (StatusVocabulary.Is(connection.Status, EndpointStatus.Failed))
        {
            throw FailedEndpoint(serviceId, endpointId, connection, refusal: null);
        }

        if (!StatusVocabulary.Is(connection.Status, EndpointStatus.Accepted))
        {
            try
            {
                await WhileConnectingAsync(serviceId, endpointId, ConnectionWaiter.WaitForAcceptedAsync(
                    client, serviceId, endpointId, budget.Remaining, ConnectionProgress(log, EndpointStatus.Accepted), cancellationToken, Waits, current: connection)).ConfigureAwait(false);
            }
            catch (ConnectionFailedException failed)
            {
                throw FailedEndpoint(serviceId, endpointId, failed.Connection, refusal: null);
            }
        }
    }

    /// <summary>A wait on a connection; the connection vanishing from the service's list means the endpoint does not (or no longer) connect.</summary>
    private static async Task<ServiceConnection> WhileConnectingAsync(string serviceId, string endpointId, Task<ServiceConnection> wait)
    {
        try
        {
            return await wait.ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (exception.IsNotFound)
        {
            throw NotConnecting(serviceId, endpointId);
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
            $"{VpcEndpointApprovalInputs.EndpointIdsName}: VPC endpoint {endpointId} cannot be accepted: its connection to service {serviceId} failed ({reason}); "
            + "delete and recreate the endpoint, or take it off the list." + refused,
            refusal);
    }

    private static async Task<ServiceConnection> ConnectionAsync(IVpcepClient client, string serviceId, string endpointId, CancellationToken cancellationToken)
    {
        var found = await client.ListConnectionsAsync(serviceId, endpointId, cancellationToken).ConfigureAwait(false);
        return found.FirstOrDefault(connection => connection.Id == endpointId) ?? throw NotConnecting(serviceId, endpointId);
    }

    private static ProviderException NotConnecting(string serviceId, string endpointId) => new(
        ProviderErrorKind.InvalidInput,
        $"{VpcEndpointApprovalInputs.EndpointIdsName}: VPC endpoint {endpointId} does not connect to service {serviceId} (the service lists no connection of it); "
        + "check the endpoint's serviceId, and that its owner's account is on the service's whitelist");

    /// <summary>One listed endpoint is <c>failed</c>; the others are still accepted before the update reports it.</summary>
    private sealed class FailedEndpointException(string message, Exception? refusal)
        : ProviderException(ProviderErrorKind.FailedPrecondition, message, refusal);

    /// <summary>Accepted, or waiting to be: what deleting the approval (or taking the endpoint off its list) rejects.</summary>
    private static bool IsConnected(ServiceConnection? connection) =>
        StatusVocabulary.IsAnyOf(connection?.Status, EndpointStatus.Connected);

    /// <summary>The state for the cloud's connections: the listed endpoints that are accepted (all accepted ones when none are listed yet, as on import).</summary>
    private static VpcEndpointApprovalState StateOf(string serviceId, IReadOnlyList<ServiceConnection> connections, IReadOnlyList<string>? listed)
    {
        var accepted = connections.Where(connection => StatusVocabulary.Is(connection.Status, EndpointStatus.Accepted))
            .Select(connection => connection.Id)
            .ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> endpointIds = listed is null
            ? [.. connections.Where(connection => accepted.Contains(connection.Id)).Select(connection => connection.Id)]
            : [.. listed.Where(accepted.Contains)];
        return new VpcEndpointApprovalState
        {
            Settings = new VpcEndpointApprovalInputs { ServiceId = serviceId, EndpointIds = InputList<string>.Of(endpointIds) },
            Connections = InputList<ApprovalConnection>.Of(connections.Select(ApprovalConnection.From)),
        };
    }

    /// <summary>Shows each read of a wait on a connection: "waiting for the connection of VPC endpoint {id} to become {awaited}".</summary>
    private static StatusProgress ConnectionProgress(IResourceLog log, string awaited) => new(log, "the connection of VPC endpoint", awaited);
}
