using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Resources.Common;

/// <summary>
/// What every VPCEP resource handler shares: the configured client, the wait cadence and progress lines, and the
/// lifecycle's building blocks: create then finish, handing the id back on any failure; changes that hand back the live
/// state once one has reached the cloud; read, gone only on a definite 404, with a health check; delete, then wait
/// for the 404. Each handler passes in only what is particular to its resource.
/// </summary>
/// <param name="noun">How messages name one resource, e.g. <c>VPC endpoint</c>; "{noun} {id}" names it in reasons.</param>
public abstract class CloudResourceHandler<TInputs, TState>(OtcClientProvider clients, WaitPolicy? waitPolicy, string token, string noun)
    : IResourceHandler<TInputs, TState>, ICustomCheck<TInputs>, IReadable<TInputs, TState>, IUpdatable<TInputs, TState>, IDeletable<TState>
    where TInputs : class, IPropertyModel<TInputs>, new()
    where TState : class, IPropertyModel<TState>, new()
{
    public string Token => token;

    /// <summary>The client Configure made; a FailedPrecondition error before that.</summary>
    private protected IVpcepClient Client => clients.Client;

    /// <summary>The cadence of this handler's waits; null for the default.</summary>
    private protected WaitPolicy? Waits => waitPolicy;

    /// <summary>
    /// The model's own rules, then a warning (never a failure) for each input the configured region's API reference does
    /// not document (<see cref="RegionReferences"/>); before Configure the region is not known and nothing is said.
    /// </summary>
    public async Task<CheckResult<TInputs>> CheckAsync(CheckRequest<TInputs> request, CancellationToken cancellationToken)
    {
        var result = request.NewInputs is ISelfChecking<TInputs> model ? model.Check() : new CheckResult<TInputs>(request.NewInputs, []);
        var region = clients.IsConfigured ? clients.Client.Region : null;
        foreach (var warning in RegionReferences.Warnings(token, region, TInputs.Properties.Encode(result.Inputs).Keys))
        {
            await UserMessages.SendAsync(request.Log.WarningAsync(warning)).ConfigureAwait(false);
        }

        return result;
    }

    public abstract Task<CreateResult<TState>> CreateAsync(CreateRequest<TInputs> request, CancellationToken cancellationToken);

    public abstract Task<ReadResult<TInputs, TState>> ReadAsync(ReadRequest<TInputs, TState> request, CancellationToken cancellationToken);

    public abstract Task<UpdateResult<TState>> UpdateAsync(UpdateRequest<TInputs, TState> request, CancellationToken cancellationToken);

    public abstract Task DeleteAsync(DeleteRequest<TState> request, CancellationToken cancellationToken);

    /// <summary>Shows each read of a wait on <paramref name="log"/>: "waiting for {noun} {id} to become {awaited}".</summary>
    private protected StatusProgress Progress(IResourceLog log, string awaited) => new(log, noun, awaited);

    /// <summary>
    /// Creates the resource, then finishes it (waits, adds what the create call cannot carry). Once the cloud has
    /// assigned an id, every failure becomes the partial-failure answer <paramref name="handBack"/> makes, so the engine
    /// records the resource instead of losing it.
    /// </summary>
    private protected async Task<CreateResult<TState>> CreateThenAsync<TCreated>(
        Func<CancellationToken, Task<TCreated>> create,
        Func<TCreated, string> idOf,
        Func<TCreated, Task<TState>> finish,
        Func<TCreated, Exception, Task<ResourceInitFailedException>> handBack,
        CancellationToken cancellationToken)
    {
        var created = await create(cancellationToken).ConfigureAwait(false);
        var id = idOf(created);
        if (string.IsNullOrEmpty(id))
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, $"OTC accepted the {noun} but reported no id; check the console before retrying.");
        }

        // From here on the resource exists: every failure must hand its id back.
        var state = await HandBackOnFailureAsync(_ => finish(created), failure => handBack(created, failure), alreadyApplied: true).ConfigureAwait(false);
        return new CreateResult<TState>(id, state);
    }

    /// <summary>
    /// Runs changes to a resource that exists: once one of them has reached the cloud (the body calls the action it is
    /// given, or <paramref name="alreadyApplied"/>), a failure becomes the partial-failure answer <paramref name="handBack"/>
    /// makes, with the live state. A failure before that leaves the resource as it was: the error stands as it is.
    /// </summary>
    private protected static async Task<T> HandBackOnFailureAsync<T>(
        Func<Action, Task<T>> body, Func<Exception, Task<ResourceInitFailedException>> handBack, bool alreadyApplied = false)
    {
        var applied = alreadyApplied;
        try
        {
            return await body(() => applied = true).ConfigureAwait(false);
        }
        catch (Exception exception) when (applied && exception is not ResourceInitFailedException)
        {
            throw await handBack(exception).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The partial-failure answer: the id plus the live state, read by <paramref name="liveState"/> where it is not known
    /// (a retry must see the gap between desired and actual), or <paramref name="fallback"/> (the last state known) when
    /// that read fails too.
    /// </summary>
    private protected async Task<ResourceInitFailedException> HandBackAsync(string id, Func<CancellationToken, Task<TState>> liveState, TState fallback, Exception failure)
    {
        var state = await CloudCalls.BestEffortAsync(liveState).ConfigureAwait(false) ?? fallback;
        return new ResourceInitFailedException(id, state.ToProperties(), [CloudCalls.ReasonOf($"{noun} {id}", failure)], failure);
    }

    /// <summary>
    /// A refresh: the live resource as state and inputs, <see cref="ReadResult{TInputs,TState}.NotFound"/> only for a
    /// definite 404. An unhealthy resource (<paramref name="unhealthy"/> names why) stays in the state with that reason,
    /// which the engine shows as a warning; the next update tries again.
    /// </summary>
    private protected async Task<ReadResult<TInputs, TState>> ReadWithHealthAsync<TLive>(
        string id,
        Func<CancellationToken, Task<TLive>> read,
        Func<TLive, (TState State, TInputs Inputs)> map,
        Func<TLive, string?> unhealthy,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
        where TLive : class
    {
        var live = await CloudCalls.ReadOrGoneAsync(read, $"{noun} {id}", timeout, cancellationToken).ConfigureAwait(false);
        if (live is null)
        {
            return ReadResult<TInputs, TState>.NotFound;
        }

        var (state, inputs) = map(live);
        return unhealthy(live) is { } reason ? throw Unhealthy(id, state, reason, inputs) : ReadResult<TInputs, TState>.Found(id, state, inputs);
    }

    /// <summary>
    /// The answer for a resource that exists but is unhealthy (failed, rejected): it stays in the state, with the reason,
    /// which the engine shows as a warning; the next update tries again.
    /// </summary>
    /// <param name="inputs">The inputs to record (a refresh's), or null to keep the engine's.</param>
    private protected static ResourceInitFailedException Unhealthy(string id, TState state, string reason, TInputs? inputs = default) =>
        new(id, state.ToProperties(), [reason]) { Inputs = inputs?.ToProperties() };

    /// <summary>
    /// Deletes, then waits until reading the resource answers 404, within the operation's time budget. A 404 to the
    /// delete means there is nothing left to do; a refusal because the resource is already being deleted (a retry whose
    /// first answer was lost), or after which its status shows it <c>deleting</c> or gone, counts as accepted
    /// (<see cref="Removal"/>). <paramref name="explainRefusal"/> may turn another refusal into a clearer error (null
    /// keeps the cloud's).
    /// </summary>
    private protected async Task DeleteThenWaitAsync(
        DeleteRequest<TState> request,
        DeletableKind kind,
        CancellationToken cancellationToken,
        Func<OtcApiException, CancellationToken, Task<Exception?>>? explainRefusal = null)
    {
        var client = Client;
        var budget = TimeBudget.Start(request.Timeout);
        RemovalOutcome outcome;
        try
        {
            outcome = await Removal.DeleteAsync(
                token => kind.DeleteAsync(client, request.Id, token), token => kind.StatusAsync(client, request.Id, token), cancellationToken).ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (explainRefusal is not null)
        {
            if (await explainRefusal(exception, cancellationToken).ConfigureAwait(false) is { } explained)
            {
                throw explained;
            }

            throw;
        }

        if (outcome == RemovalOutcome.AlreadyGone)
        {
            return;
        }

        await kind.WaitUntilGoneAsync(client, request.Id, budget.Remaining, Progress(request.Log, StatusVocabulary.Deleted), cancellationToken, waitPolicy)
            .ConfigureAwait(false);
    }
}
