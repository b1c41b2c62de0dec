using Otc.CloudClient;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Resources.Common;

/// <summary>
/// The shape every VPCEP resource's lifecycle shares: create then finish, handing the id back on any failure; read,
/// gone only on a definite 404, with a health check; delete then wait for the 404; and the partial-failure answer.
/// Each handler passes in only what is particular to its resource.
/// </summary>
internal static class ResourceLifecycle
{
    /// <summary>
    /// Creates the resource, then finishes it (waits, adds what the create call cannot carry). Once the cloud has
    /// assigned an id, every failure becomes the partial-failure answer <paramref name="handBack"/> makes, so the engine
    /// records the resource instead of losing it.
    /// </summary>
    /// <param name="what">What the cloud created, for the message when it reports no id, e.g. "VPC endpoint".</param>
    public static async Task<CreateResult<TState>> CreateAsync<TCreated, TState>(
        string what,
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
            throw new ProviderException(ProviderErrorKind.Unavailable, $"OTC accepted the {what} but reported no id; check the console before retrying.");
        }

        // From here on the resource exists: every failure must hand its id back.
        return new CreateResult<TState>(id, await HandBackOnFailureAsync(_ => finish(created), error => handBack(created, error), alreadyApplied: true).ConfigureAwait(false));
    }

    /// <summary>
    /// Runs changes to a resource that exists: once one of them has reached the cloud (the body calls the action it is
    /// given, or <paramref name="alreadyApplied"/>), a failure becomes the partial-failure answer <paramref name="handBack"/>
    /// makes, with the live state. A failure before that leaves the resource as it was: the error stands as it is.
    /// </summary>
    public static async Task<T> HandBackOnFailureAsync<T>(
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
    /// <param name="what">The resource in the reason, e.g. "VPC endpoint 1234".</param>
    public static async Task<ResourceInitFailedException> HandBackAsync<TState>(
        string id, string what, Func<CancellationToken, Task<TState>> liveState, TState fallback, Exception failure)
        where TState : class, IPropertyModel<TState>, new()
    {
        var state = await CloudCalls.BestEffortAsync(liveState).ConfigureAwait(false) ?? fallback;
        return new ResourceInitFailedException(id, state.ToProperties(), [CloudCalls.ReasonOf(what, failure)], failure);
    }

    /// <summary>
    /// A refresh: the live resource as state and inputs, <see cref="ReadResult{TInputs,TState}.NotFound"/> only for a
    /// definite 404. An unhealthy resource (<paramref name="unhealthy"/> names why) stays in the state with that reason,
    /// which the engine shows as a warning; the next update tries again.
    /// </summary>
    /// <param name="what">The resource in messages, e.g. "VPC endpoint 1234".</param>
    public static async Task<ReadResult<TInputs, TState>> ReadAsync<TLive, TInputs, TState>(
        string id,
        string what,
        Func<CancellationToken, Task<TLive>> read,
        Func<TLive, (TState State, TInputs Inputs)> map,
        Func<TLive, string?> unhealthy,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
        where TLive : class
        where TInputs : IPropertyModel<TInputs>, new()
        where TState : IPropertyModel<TState>, new()
    {
        var live = await CloudCalls.ReadOrGoneAsync(read, what, timeout, cancellationToken).ConfigureAwait(false);
        if (live is null)
        {
            return ReadResult<TInputs, TState>.NotFound;
        }

        var (state, inputs) = map(live);
        if (unhealthy(live) is { } reason)
        {
            throw new ResourceInitFailedException(id, state.ToProperties(), [reason]) { Inputs = inputs.ToProperties() };
        }

        return ReadResult<TInputs, TState>.Found(id, state, inputs);
    }

    /// <summary>
    /// Deletes, then waits until reading the resource answers 404, within the operation's time budget. A 404 to the
    /// delete itself means there is nothing left to do. <paramref name="explainRefusal"/> may turn another refusal into
    /// a clearer error (null keeps the cloud's).
    /// </summary>
    public static async Task DeleteAsync(
        Func<CancellationToken, Task> delete,
        Func<TimeSpan, CancellationToken, Task> waitUntilGone,
        TimeSpan? timeout,
        CancellationToken cancellationToken,
        Func<OtcApiException, CancellationToken, Task<Exception?>>? explainRefusal = null)
    {
        var budget = TimeBudget.Start(timeout);
        try
        {
            await delete(cancellationToken).ConfigureAwait(false);
        }
        catch (OtcApiException exception) when (exception.IsNotFound)
        {
            return;
        }
        catch (OtcApiException exception) when (explainRefusal is not null)
        {
            if (await explainRefusal(exception, cancellationToken).ConfigureAwait(false) is { } explained)
            {
                throw explained;
            }

            throw;
        }

        await waitUntilGone(budget.Remaining, cancellationToken).ConfigureAwait(false);
    }
}
