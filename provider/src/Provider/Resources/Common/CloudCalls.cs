using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Resources.Common;

/// <summary>
/// The rules every VPCEP resource handler applies around its cloud calls: the read-404 rule, deadlines, the best-effort
/// re-read after a failure and the reason a partial failure reports.
/// </summary>
internal static class CloudCalls
{
    /// <summary>How long the best-effort re-read after a failure may take, independent of the (maybe cancelled) request.</summary>
    public static readonly TimeSpan RecoveryReadTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A refresh read: null only for a definite 404 (the resource is gone); a timeout, 5xx or auth failure propagates,
    /// so the resource stays in the state. <paramref name="timeout"/> (the engine's custom read timeout) bounds it.
    /// </summary>
    public static Task<T?> ReadOrGoneAsync<T>(Func<CancellationToken, Task<T>> read, string what, TimeSpan? timeout, CancellationToken cancellationToken)
        where T : class =>
        WithinAsync<T?>(
            async token =>
            {
                try
                {
                    return await read(token).ConfigureAwait(false);
                }
                catch (OtcApiException exception) when (exception.IsNotFound)
                {
                    return null;
                }
            },
            $"reading {what}",
            timeout,
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> within <paramref name="timeout"/> (when set): past it, a Timeout error naming
    /// <paramref name="what"/> ("reading VPC endpoint 12", say); the caller's own cancellation stays a cancellation.
    /// </summary>
    public static async Task<T> WithinAsync<T>(Func<CancellationToken, Task<T>> work, string what, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(timeout, cancellationToken);
        try
        {
            return await work(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Timeout, $"{what} did not finish within {timeout}");
        }
    }

    /// <summary>The same for work without a result.</summary>
    public static Task WithinAsync(Func<CancellationToken, Task> work, string what, TimeSpan? timeout, CancellationToken cancellationToken) =>
        WithinAsync<bool>(
            async token =>
            {
                await work(token).ConfigureAwait(false);
                return true;
            },
            what,
            timeout,
            cancellationToken);

    /// <summary>A re-read for a partial-failure answer: the original failure is what the user must see, so this one never throws.</summary>
    public static async Task<T?> BestEffortAsync<T>(Func<CancellationToken, Task<T>> read)
        where T : class
    {
        using var recovery = new CancellationTokenSource(RecoveryReadTimeout);
        try
        {
            return await read(recovery.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The reason a partial failure of <paramref name="what"/> (e.g. "VPC endpoint 1234") reports.</summary>
    public static string ReasonOf(string what, Exception failure) => failure switch
    {
        OtcApiException api => OtcExceptionTranslator.Describe(api),
        OperationCanceledException => $"the operation on {what} was cancelled before it finished",
        ProviderException or OtcTransportException or WaitTimeoutException or ServiceFailedException or EndpointFailedException or ConnectionFailedException
            => failure.Message,
        _ => $"{what}: {failure.Message}",
    };

    /// <summary>The caller's token, cancelled too once <paramref name="timeout"/> (when set) has passed.</summary>
    public static CancellationTokenSource Deadline(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit && limit > TimeSpan.Zero)
        {
            source.CancelAfter(limit);
        }

        return source;
    }
}
