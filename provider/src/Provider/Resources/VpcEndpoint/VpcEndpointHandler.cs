using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Resources;
using Names = Otc.Provider.Resources.VpcEndpoint.VpcEndpointInputs.Names;
using Vocabulary = Otc.Provider.Resources.VpcEndpoint.EndpointVocabulary;
using WireEndpoint = Otc.CloudClient.VpcEndpoint;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>
/// <c>otc:vpcep:VpcEndpoint</c>, the consumer side of a VPC endpoint service. The API can create, read and delete an
/// endpoint but not change one, so every input except <c>tags</c> (changed through the tag action) replaces it. Create
/// waits until the endpoint is connected, or waits for the service owner's approval (<c>pendingAcceptance</c>), and does
/// not block on that approval, which may come from the same stack. Once the cloud has assigned an id, every failure
/// returns that id with the live state.
/// </summary>
public sealed class VpcEndpointHandler(OtcClientProvider clients, WaitPolicy? waitPolicy = null)
    : CloudResourceHandler<VpcEndpointInputs, VpcEndpointState>(clients, waitPolicy, TypeToken, "VPC endpoint")
{
    public const string TypeToken = "otc:vpcep:VpcEndpoint";

    public override async Task<CreateResult<VpcEndpointState>> CreateAsync(CreateRequest<VpcEndpointInputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.Inputs;
        var client = Client;
        var budget = TimeBudget.Start(request.Timeout);
        await CheckAgainstTheServiceAsync(client, inputs, request.Log, cancellationToken).ConfigureAwait(false);

        return await CreateThenAsync(
            token => client.CreateEndpointAsync(EndpointMapper.ToCreateRequest(inputs), token),
            created => created.Id,
            async created =>
            {
                var ready = await EndpointWaiter.WaitForReadyAsync(
                    client, created.Id, budget.Remaining, Progress(request.Log, string.Join(" or ", EndpointStatus.Connected)), cancellationToken, Waits, current: created)
                    .ConfigureAwait(false);
                if (StatusVocabulary.Is(ready.Status, EndpointStatus.PendingAcceptance))
                {
                    await UserMessages.SendAsync(request.Log.InfoAsync(
                        $"VPC endpoint {ready.Id} waits for the owner of service {inputs.ServiceId.Value} to accept the connection (status pendingAcceptance); "
                        + "it carries traffic once accepted, e.g. by an otc:vpcep:VpcEndpointApproval")).ConfigureAwait(false);
                }

                return EndpointMapper.ToState(ready, inputs, client.Region);
            },
            (created, failure) => HandBackAsync(
                client,
                created.Id,
                (failure as EndpointFailedException)?.Endpoint ?? (failure as WaitTimeoutException)?.LastSeenEndpoint,
                EndpointMapper.ToState(created, inputs, client.Region),
                inputs,
                failure),
            cancellationToken).ConfigureAwait(false);
    }

    public override Task<ReadResult<VpcEndpointInputs, VpcEndpointState>> ReadAsync(
        ReadRequest<VpcEndpointInputs, VpcEndpointState> request, CancellationToken cancellationToken) => ReadWithHealthAsync(
        request.Id,
        token => Client.GetEndpointAsync(request.Id, token),
        endpoint =>
        {
            var state = EndpointMapper.ToState(endpoint, request.OldInputs ?? request.OldState?.Settings, Client.Region);
            return (state, EndpointMapper.ToInputs(state, request.OldInputs));
        },
        WhyUnhealthy,
        request.Timeout,
        cancellationToken);

    /// <summary>Only the tags change in place (every other input replaces the endpoint).</summary>
    public override async Task<UpdateResult<VpcEndpointState>> UpdateAsync(UpdateRequest<VpcEndpointInputs, VpcEndpointState> request, CancellationToken cancellationToken)
    {
        var client = Client;
        var id = request.Id;
        var state = await HandBackOnFailureAsync(
            async markApplied =>
            {
                var tags = TagChanges.Between(request.OldState.Settings.TagMap, request.NewInputs.TagMap);
                await tags.ApplyAsync(client, TaggedResourceType.Endpoint, id, markApplied, cancellationToken).ConfigureAwait(false);
                var endpoint = await client.GetEndpointAsync(id, cancellationToken).ConfigureAwait(false);
                var state = EndpointMapper.ToState(endpoint, request.NewInputs, client.Region);
                if (WhyUnhealthy(endpoint) is { } reason)
                {
                    // Still failed or rejected: the init error stays until the endpoint is healthy.
                    throw Unhealthy(id, state, reason);
                }

                return state;
            },
            failure => HandBackAsync(client, id, null, request.OldState, request.NewInputs, failure)).ConfigureAwait(false);
        return new UpdateResult<VpcEndpointState>(state);
    }

    public override Task DeleteAsync(DeleteRequest<VpcEndpointState> request, CancellationToken cancellationToken) =>
        DeleteThenWaitAsync(request, DeletableKind.Endpoint, cancellationToken);

    /// <summary>
    /// The rules that depend on the kind of service, checked before anything is created: an interface endpoint needs a
    /// subnet and takes no route tables and no policy; the IP, the whitelist and access control are for interface endpoints only. The
    /// kind comes from the describe API, which works across accounts; if it cannot be read, the create call decides.
    /// </summary>
    private static async Task CheckAgainstTheServiceAsync(IVpcepClient client, VpcEndpointInputs inputs, IResourceLog log, CancellationToken cancellationToken)
    {
        var serviceId = inputs.ServiceId.Value;
        ServiceBasicInfo service;
        try
        {
            service = await client.DescribeServiceAsync(null, serviceId, cancellationToken).ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (exception.IsNotFound)
        {
            throw new ProviderException(ProviderErrorKind.InvalidInput,
                $"serviceId: no VPC endpoint service {serviceId} exists (or it is not visible to this account). " + OtcExceptionTranslator.Describe(exception),
                exception);
        }
        catch (OtcApiException)
        {
            return;
        }

        var problems = new List<string>();
        if (string.Equals(service.ServiceType, Vocabulary.Gateway, StringComparison.OrdinalIgnoreCase))
        {
            problems.AddRange(new (string Key, bool IsSet)[]
                {
                    (Names.PortIp, !inputs.PortIp.IsAbsent),
                    (Names.Whitelist, inputs.Whitelist.ValueOrDefault is { Count: > 0 }),
                    (Names.EnableWhitelist, inputs.EnableWhitelist.ValueOr(false)),
                }
                .Where(setting => setting.IsSet)
                .Select(setting => $"{setting.Key}: only interface endpoints take it, and {serviceId} is a gateway service"));
        }
        else
        {
            if (string.IsNullOrEmpty(inputs.SubnetId.ValueOrDefault))
            {
                problems.Add($"{Names.SubnetId}: required, because {serviceId} is an interface service (the endpoint takes an IP address in that subnet)");
            }

            if (inputs.RouteTables.ValueOrDefault is { Count: > 0 })
            {
                problems.Add($"{Names.RouteTables}: only gateway endpoints take route tables, and {serviceId} is an interface service");
            }

            if (!inputs.PolicyStatements.IsAbsent)
            {
                problems.Add($"{Names.PolicyStatements}: only gateway endpoints take a policy (the API's policy_statement), and {serviceId} is an interface service");
            }
        }

        if (problems.Count > 0)
        {
            throw new ProviderException(ProviderErrorKind.InvalidInput, "invalid VPC endpoint: " + string.Join("; ", problems));
        }

        if (inputs.SubnetId.ValueOrDefault is { Length: > 0 } subnetId)
        {
            await UserMessages.SendAsync(log.WarningAsync(
                $"subnet {subnetId}: its CIDR block (and the VPC's custom routes) must not overlap {Vocabulary.ReservedRange}, which VPCEP reserves; "
                + "the provider cannot check that without the VPC API")).ConfigureAwait(false);
        }
    }

    /// <summary>Why a failed or rejected endpoint carries no traffic; null for a healthy one.</summary>
    private static string? WhyUnhealthy(WireEndpoint endpoint) => EndpointStatus.IsUnhealthy(endpoint.Status) ? new EndpointFailedException(endpoint).Message : null;

    /// <summary>The partial-failure answer: the id plus the live endpoint, re-read where it is not known.</summary>
    private Task<ResourceInitFailedException> HandBackAsync(
        IVpcepClient client, string id, WireEndpoint? known, VpcEndpointState fallback, VpcEndpointInputs desired, Exception failure) =>
        HandBackAsync(
            id,
            async token => EndpointMapper.ToState(known ?? await client.GetEndpointAsync(id, token).ConfigureAwait(false), desired, client.Region),
            fallback,
            failure);
}
