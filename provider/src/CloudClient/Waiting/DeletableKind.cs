namespace Otc.CloudClient;

/// <summary>
/// A kind of resource that is deleted and then waited for: how to delete one, read its status (as its waits do), and
/// wait until reading it answers 404 (on the shared <see cref="StatusPoller"/>).
/// </summary>
public sealed class DeletableKind
{
    private readonly Func<IVpcepClient, string, CancellationToken, Task> _delete;
    private readonly Func<IVpcepClient, string, CancellationToken, Task<string?>> _status;
    private readonly Func<IVpcepClient, string, TimeSpan, IProgress<WaitProgress>?, CancellationToken, WaitPolicy?, Task> _waitUntilGone;

    private DeletableKind(
        Func<IVpcepClient, string, CancellationToken, Task> delete,
        Func<IVpcepClient, string, CancellationToken, Task<string?>> status,
        Func<IVpcepClient, string, TimeSpan, IProgress<WaitProgress>?, CancellationToken, WaitPolicy?, Task> waitUntilGone)
    {
        _delete = delete;
        _status = status;
        _waitUntilGone = waitUntilGone;
    }

    public static DeletableKind Service { get; } = new(
        static (client, id, ct) => client.DeleteServiceAsync(id, ct),
        StatusOf(PolledKinds.Service),
        static (client, id, timeout, progress, ct, policy) => ServiceWaiter.WaitForDeletedAsync(client, id, timeout, progress, ct, policy, deletionRequested: true));

    public static DeletableKind Endpoint { get; } = new(
        static (client, id, ct) => client.DeleteEndpointAsync(id, ct),
        StatusOf(PolledKinds.Endpoint),
        static (client, id, timeout, progress, ct, policy) => EndpointWaiter.WaitForDeletedAsync(client, id, timeout, progress, ct, policy, deletionRequested: true));

    /// <summary>Sends the DELETE.</summary>
    public Task DeleteAsync(IVpcepClient client, string id, CancellationToken ct) => _delete(client, id, ct);

    /// <summary>Reads the resource's status; an <see cref="OtcApiException"/> with 404 when it is gone.</summary>
    public Task<string?> StatusAsync(IVpcepClient client, string id, CancellationToken ct) => _status(client, id, ct);

    /// <summary>Waits until reading the resource answers 404; the DELETE was just sent, so the first read is one interval away.</summary>
    /// <exception cref="WaitTimeoutException">The deadline passed.</exception>
    public Task WaitUntilGoneAsync(IVpcepClient client, string id, TimeSpan timeout, IProgress<WaitProgress>? progress, CancellationToken ct, WaitPolicy? policy = null) =>
        _waitUntilGone(client, id, timeout, progress, ct, policy);

    private static Func<IVpcepClient, string, CancellationToken, Task<string?>> StatusOf<T>(PolledKind<T> kind)
        where T : class =>
        async (client, id, ct) => kind.StatusOf(await kind.GetAsync(client, id, ct).ConfigureAwait(false));
}
