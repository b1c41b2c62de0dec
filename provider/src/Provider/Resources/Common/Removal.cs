using System.Runtime.ExceptionServices;
using Otc.CloudClient;

namespace Otc.Provider.Resources.Common;

/// <summary>How a call that takes something away (a DELETE, a connection's reject) ended.</summary>
internal enum RemovalOutcome
{
    /// <summary>The cloud took the request, now or in an earlier attempt whose answer was lost: wait for it to finish.</summary>
    Accepted,

    /// <summary>There is nothing left to remove.</summary>
    AlreadyGone,
}

/// <summary>
/// The rule every VPCEP resource applies to a call that removes something: a refusal is no failure when the thing is
/// already on its way out. A retried DELETE whose first answer was lost finds the resource <c>deleting</c>, and a
/// cloud may refuse it (the error appendix's <c>400 EndPoint.2018</c> "being deleted") where another answers 204 again;
/// the provider must be right under both readings. So a refusal with that code counts as accepted, and after any other
/// refusal the resource is read: gone (404) or in one of the finishing statuses, the call counts as done; otherwise the
/// refusal stands.
/// </summary>
internal static class Removal
{
    /// <summary>The error appendix's "The endpoint is being deleted".</summary>
    public const string BeingDeleted = "EndPoint.2018";

    /// <summary>
    /// Runs <paramref name="remove"/>. A 404 answer is <see cref="RemovalOutcome.AlreadyGone"/>; a refusal is
    /// re-examined through <paramref name="readStatus"/> (null for gone), where <paramref name="finishing"/> lists the
    /// statuses that mean the removal is under way or done.
    /// </summary>
    public static async Task<RemovalOutcome> RemoveAsync(
        Func<CancellationToken, Task> remove,
        Func<CancellationToken, Task<string?>> readStatus,
        IReadOnlyCollection<string> finishing,
        CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo refusal;
        try
        {
            await remove(cancellationToken).ConfigureAwait(false);
            return RemovalOutcome.Accepted;
        }
        catch (OtcApiException exception) when (exception.IsNotFound)
        {
            return RemovalOutcome.AlreadyGone;
        }
        catch (OtcApiException exception) when (IsCode(exception, BeingDeleted))
        {
            return RemovalOutcome.Accepted;
        }
        catch (OtcApiException exception)
        {
            refusal = ExceptionDispatchInfo.Capture(exception);
        }

        var status = await StatusAfterRefusalAsync(readStatus, cancellationToken).ConfigureAwait(false);
        if (status is { Gone: true })
        {
            return RemovalOutcome.AlreadyGone;
        }

        if (status is { Status: { } current } && StatusVocabulary.IsAnyOf(current, finishing))
        {
            return RemovalOutcome.Accepted;
        }

        refusal.Throw();
        throw refusal.SourceException;
    }

    /// <summary>The DELETE of a service or endpoint (both say <c>deleting</c>): a refusal after which it is <c>deleting</c> or gone counts.</summary>
    public static Task<RemovalOutcome> DeleteAsync(
        Func<CancellationToken, Task> delete, Func<CancellationToken, Task<string?>> readStatus, CancellationToken cancellationToken)
        => RemoveAsync(delete, readStatus, [ServiceStatus.Deleting], cancellationToken);

    /// <summary>
    /// Reads a status after a refusal: (gone) for a 404, the status otherwise, or nothing when the read fails too
    /// (then the refusal is what the user must see).
    /// </summary>
    private static async Task<(bool Gone, string? Status)?> StatusAfterRefusalAsync(
        Func<CancellationToken, Task<string?>> readStatus, CancellationToken cancellationToken)
    {
        try
        {
            var status = await readStatus(cancellationToken).ConfigureAwait(false);
            return (status is null, status);
        }
        catch (OtcApiException exception) when (exception.IsNotFound)
        {
            return (true, null);
        }
        catch (Exception exception) when (exception is OtcApiException or OtcTransportException)
        {
            return null;
        }
    }

    private static bool IsCode(OtcApiException exception, string code) =>
        string.Equals(exception.ErrorCode, code, StringComparison.OrdinalIgnoreCase);
}
