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

    /// <summary>Errors that mean the endpoint is no longer there to reject: gone (404) or not connecting to the service (2013).</summary>
    private const string EndpointGoneCode = "EndPoint.2013";

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
                foreach (var id in wanted.Distinct(StringComparer.Ordinal))
                {
                    var connection = current.FirstOrDefault(candidate => candidate.Id == id);
                    if (!StatusVocabulary.Is(connection?.Status, EndpointStatus.Accepted))
                    {
                        await AcceptAsync(client, serviceId, id, connection, log, budget, markChanged, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Waits while the endpoint is still being created, accepts it, and waits until the connection is accepted.</summary>
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
            await WhileConnectingAsync(serviceId, endpointId, ConnectionWaiter.WaitUntilSettledAsync(
                client, serviceId, endpointId, budget.Remaining, ConnectionProgress(log, "ready to accept"), cancellationToken, Waits, current: connection)).ConfigureAwait(false);
        }

        var answered = await client.ActOnConnectionAsync(serviceId, ConnectionAction.Receive, endpointId, cancellationToken).ConfigureAwait(false);
        markChanged();
        connection = answered.FirstOrDefault(candidate => candidate.Id == endpointId) ?? connection;
        if (StatusVocabulary.Is(connection.Status, EndpointStatus.Failed))
        {
            throw new ConnectionFailedException(serviceId, connection);
        }

        if (!StatusVocabulary.Is(connection.Status, EndpointStatus.Accepted))
        {
            await WhileConnectingAsync(serviceId, endpointId, ConnectionWaiter.WaitForAcceptedAsync(
                client, serviceId, endpointId, budget.Remaining, ConnectionProgress(log, EndpointStatus.Accepted), cancellationToken, Waits, current: connection)).ConfigureAwait(false);
        }
    }

    /// <summary>A wait on a connection; the connection vanishing from the service's list means the endpoint does not (or no longer) connect.</summary>
    private static async Task WhileConnectingAsync(string serviceId, string endpointId, Task wait)
    {
        try
        {
            await wait.ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (exception.IsNotFound)
        {
            throw NotConnecting(serviceId, endpointId);
        }
    }

    private static async Task RejectAsync(IVpcepClient client, string serviceId, string endpointId, CancellationToken cancellationToken)
    {
        try
        {
            await client.ActOnConnectionAsync(serviceId, ConnectionAction.Reject, endpointId, cancellationToken).ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (exception.IsNotFound || StatusVocabulary.Is(exception.ErrorCode, EndpointGoneCode))
        {
            // Already gone: nothing is connected to reject.
        }
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
