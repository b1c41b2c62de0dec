using System.Diagnostics;
using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using Names = Otc.Provider.Resources.VpcEndpoint.EndpointProperties;
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
    : IResourceHandler<VpcEndpointArgs, VpcEndpointState>,
        ICustomCheck,
        ICustomDiff,
        IOptionalComputedInputs,
        IReadable<VpcEndpointArgs, VpcEndpointState>,
        IUpdatable<VpcEndpointArgs, VpcEndpointState>,
        IDeletable<VpcEndpointState>
{
    public const string TypeToken = "otc:vpcep:VpcEndpoint";

    /// <summary>Create and delete waits; the docs quote 1-2 minutes for either.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private const string What = "VPC endpoint";

    public string Token => TypeToken;

    public IReadOnlySet<string> OptionalComputedInputs => Names.OptionalComputed;

    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(EndpointInputValidator.Check(request.NewInputs));

    public DiffResult Diff(DiffRequest request, PropertyDiffer defaultDiffer) => EndpointDiff.Diff(request, defaultDiffer);

    public async Task<CreateResult<VpcEndpointState>> CreateAsync(CreateRequest<VpcEndpointArgs> request, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var started = Stopwatch.GetTimestamp();
        var timeout = request.Timeout ?? DefaultTimeout;
        var inputs = request.Inputs;
        await CheckAgainstTheServiceAsync(client, inputs, request.Log, cancellationToken).ConfigureAwait(false);

        var created = await client.CreateEndpointAsync(EndpointMapper.ToCreateRequest(inputs), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, "OTC accepted the VPC endpoint but reported no id; check the console before retrying.");
        }

        // From here on the endpoint exists: every failure must hand its id back.
        try
        {
            var ready = await EndpointWaiter.WaitForReadyAsync(
                client, created.Id, CloudCalls.Remaining(started, timeout), Progress(request.Log, "accepted or pendingAcceptance"), cancellationToken, waitPolicy, current: created)
                .ConfigureAwait(false);
            if (CloudCalls.IsStatus(ready.Status, Vocabulary.PendingAcceptance))
            {
                await UserMessages.SendAsync(request.Log.InfoAsync(
                    $"VPC endpoint {ready.Id} waits for the owner of service {inputs.ServiceId} to accept the connection (status pendingAcceptance); "
                    + "it carries traffic once accepted, e.g. by an otc:vpcep:VpcEndpointApproval")).ConfigureAwait(false);
            }

            return new CreateResult<VpcEndpointState>(ready.Id, EndpointMapper.ToState(ready, inputs, client.Region));
        }
        catch (Exception exception)
        {
            var live = (exception as EndpointFailedException)?.Endpoint ?? (exception as WaitTimeoutException)?.LastSeenEndpoint;
            throw await InitFailedAsync(client, created.Id, live, EndpointMapper.ToState(created, inputs, client.Region), inputs, exception).ConfigureAwait(false);
        }
    }

    public async Task<ReadResult<VpcEndpointArgs, VpcEndpointState>> ReadAsync(
        ReadRequest<VpcEndpointArgs, VpcEndpointState> request, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var endpoint = await CloudCalls.ReadOrGoneAsync(token => client.GetEndpointAsync(request.Id, token), $"VPC endpoint {request.Id}", request.Timeout, cancellationToken)
            .ConfigureAwait(false);
        if (endpoint is null)
        {
            return ReadResult<VpcEndpointArgs, VpcEndpointState>.NotFound;
        }

        var state = EndpointMapper.ToState(endpoint, request.OldInputs ?? request.OldState?.Settings, client.Region);
        var inputs = EndpointMapper.ToInputs(state, request.OldInputs);
        if (Vocabulary.IsUnhealthy(endpoint.Status))
        {
            // Kept in the state with the reason, which the engine shows as a warning; the next up tries again.
            throw new ResourceInitFailedException(request.Id, state.ToProperties(), [new EndpointFailedException(endpoint).Message])
            {
                Inputs = inputs.ToProperties(),
            };
        }

        return ReadResult<VpcEndpointArgs, VpcEndpointState>.Found(request.Id, state, inputs);
    }

    /// <summary>Only the tags change in place (every other input replaces the endpoint).</summary>
    public async Task<UpdateResult<VpcEndpointState>> UpdateAsync(
        UpdateRequest<VpcEndpointArgs, VpcEndpointState> request, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var id = request.Id;
        var applied = false;
        try
        {
            var tags = TagChanges.Between(request.OldState.Settings.EffectiveTags, request.NewInputs.EffectiveTags);
            await tags.ApplyAsync(client, TaggedResourceType.Endpoint, id, () => applied = true, cancellationToken).ConfigureAwait(false);
            var endpoint = await client.GetEndpointAsync(id, cancellationToken).ConfigureAwait(false);
            var state = EndpointMapper.ToState(endpoint, request.NewInputs, client.Region);
            if (Vocabulary.IsUnhealthy(endpoint.Status))
            {
                // Still failed or rejected: the init error stays until the endpoint is healthy.
                throw new ResourceInitFailedException(id, state.ToProperties(), [new EndpointFailedException(endpoint).Message]);
            }

            return new UpdateResult<VpcEndpointState>(state);
        }
        catch (Exception exception) when (applied && exception is not ResourceInitFailedException)
        {
            throw await InitFailedAsync(client, id, null, request.OldState, request.NewInputs, exception).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(DeleteRequest<VpcEndpointState> request, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var outcome = await Removal.DeleteAsync(
            token => client.DeleteEndpointAsync(request.Id, token),
            async token => (await client.GetEndpointAsync(request.Id, token).ConfigureAwait(false)).Status,
            cancellationToken).ConfigureAwait(false);
        if (outcome == RemovalOutcome.AlreadyGone)
        {
            return;
        }

        await EndpointWaiter.WaitForDeletedAsync(
            client, request.Id, request.Timeout ?? DefaultTimeout, Progress(request.Log, "deleted"), cancellationToken, waitPolicy, deletionRequested: true)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The rules that depend on the kind of service, checked before anything is created: an interface endpoint needs a
    /// subnet and takes no route tables; the IP, the whitelist and access control are for interface endpoints only. The
    /// kind comes from the describe API, which works across accounts; if it cannot be read, the create call decides.
    /// </summary>
    private static async Task CheckAgainstTheServiceAsync(IVpcepClient client, VpcEndpointArgs inputs, IResourceLog log, CancellationToken cancellationToken)
    {
        ServiceBasicInfo service;
        try
        {
            service = await client.DescribeServiceAsync(null, inputs.ServiceId, cancellationToken).ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (exception.IsNotFound)
        {
            throw new ProviderException(ProviderErrorKind.InvalidInput,
                $"serviceId: no VPC endpoint service {inputs.ServiceId} exists (or it is not visible to this account). " + OtcExceptionTranslator.Describe(exception),
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
                    (Names.PortIp, inputs.PortIp is not null),
                    (Names.Whitelist, inputs.Whitelist is { Count: > 0 }),
                    (Names.EnableWhitelist, inputs.EffectiveEnableWhitelist),
                }
                .Where(setting => setting.IsSet)
                .Select(setting => $"{setting.Key}: only interface endpoints take it, and {inputs.ServiceId} is a gateway service"));
        }
        else
        {
            if (string.IsNullOrEmpty(inputs.SubnetId))
            {
                problems.Add($"{Names.SubnetId}: required, because {inputs.ServiceId} is an interface service (the endpoint takes an IP address in that subnet)");
            }

            if (inputs.RouteTables is { Count: > 0 })
            {
                problems.Add($"{Names.RouteTables}: only gateway endpoints take route tables, and {inputs.ServiceId} is an interface service");
            }
        }

        if (problems.Count > 0)
        {
            throw new ProviderException(ProviderErrorKind.InvalidInput, "invalid VPC endpoint: " + string.Join("; ", problems));
        }

        if (!string.IsNullOrEmpty(inputs.SubnetId))
        {
            await UserMessages.SendAsync(log.WarningAsync(
                $"subnet {inputs.SubnetId}: its CIDR block (and the VPC's custom routes) must not overlap {Vocabulary.ReservedRange}, which VPCEP reserves; "
                + "the provider cannot check that without the VPC API")).ConfigureAwait(false);
        }
    }

    /// <summary>The partial-failure answer: the id plus the live endpoint, re-read where it is not known.</summary>
    private static async Task<ResourceInitFailedException> InitFailedAsync(
        IVpcepClient client, string id, WireEndpoint? known, VpcEndpointState fallback, VpcEndpointArgs desired, Exception failure)
    {
        var endpoint = known ?? await CloudCalls.BestEffortAsync(token => client.GetEndpointAsync(id, token)).ConfigureAwait(false);
        var state = endpoint is null ? fallback : EndpointMapper.ToState(endpoint, desired, client.Region);
        return new ResourceInitFailedException(id, state.ToProperties(), [CloudCalls.ReasonOf($"VPC endpoint {id}", failure)], failure);
    }

    private static StatusProgress Progress(IResourceLog log, string awaited) => new(log, What, awaited);
}
