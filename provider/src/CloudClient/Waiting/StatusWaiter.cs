namespace Otc.CloudClient;

/// <summary>
/// The wait loop for any <see cref="PolledKind{T}"/>, on the client's <see cref="StatusPoller"/>: take the next read,
/// report it, stop at a target status, a failure status or the deadline. The public faces are
/// <see cref="ServiceWaiter"/>, <see cref="EndpointWaiter"/> and <see cref="ConnectionWaiter"/>.
/// </summary>
internal static class StatusWaiter
{
    public const string GoneStatus = StatusVocabulary.Deleted;

    /// <summary>Right after a create, a read can briefly miss the new resource; this many 404s in a row are tolerated.</summary>
    private const int TolerableMissingReads = 3;

    /// <summary>Waits until the resource shows one of <paramref name="goal"/>'s target statuses and returns it.</summary>
    /// <param name="current">The resource as just read (e.g. the create's answer): its first read is then one interval away.</param>
    public static async Task<T> UntilStatusAsync<T>(
        IVpcepClient client, PolledKind<T> kind, string id, StatusGoal<T> goal, TimeSpan timeout, IProgress<WaitProgress>? progress, WaitPolicy? policy, T? current, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var cadence = new Cadence(policy ?? new WaitPolicy());
        using var watch = client.Statuses.For(kind).Watch(id, awaitsDeletion: false, timeout, cadence.First, current, readFirst: current is null);
        var missingReads = 0;
        var attempt = 0;
        while (true)
        {
            var seen = await watch.NextAsync(ct).ConfigureAwait(false);
            if (seen.Resource is { } resource)
            {
                missingReads = 0;
                var status = kind.StatusOf(resource) ?? "";
                progress?.Report(new WaitProgress(id, status, watch.Elapsed, ++attempt));
                if (StatusVocabulary.IsAnyOf(status, goal.Targets))
                {
                    return resource;
                }

                if (StatusVocabulary.IsAnyOf(status, goal.Failures))
                {
                    throw goal.Failed(resource);
                }
            }
            else if (++missingReads >= TolerableMissingReads)
            {
                throw seen.NotFound!;
            }
            else
            {
                progress?.Report(new WaitProgress(id, GoneStatus, watch.Elapsed, ++attempt));
            }

            if (!watch.ScheduleNext(cadence.Next(watch.Elapsed)))
            {
                throw goal.TimedOut(watch.LastSeen);
            }
        }
    }

    /// <summary>Waits until reading the resource answers 404.</summary>
    /// <param name="deletionRequested">The delete was just sent: the first read is one interval away, since deletion takes time.</param>
    public static async Task UntilGoneAsync<T>(
        IVpcepClient client, PolledKind<T> kind, string id, Func<T?, Exception> timedOut, TimeSpan timeout, IProgress<WaitProgress>? progress, WaitPolicy? policy, bool deletionRequested, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var cadence = new Cadence(policy ?? new WaitPolicy());
        using var watch = client.Statuses.For(kind).Watch(id, awaitsDeletion: true, timeout, cadence.First, current: null, readFirst: !deletionRequested);
        var attempt = 0;
        while (true)
        {
            var seen = await watch.NextAsync(ct).ConfigureAwait(false);
            if (seen.Resource is not { } resource)
            {
                progress?.Report(new WaitProgress(id, GoneStatus, watch.Elapsed, ++attempt));
                return;
            }

            progress?.Report(new WaitProgress(id, kind.StatusOf(resource) ?? "", watch.Elapsed, ++attempt));
            if (!watch.ScheduleNext(cadence.Next(watch.Elapsed)))
            {
                throw timedOut(watch.LastSeen);
            }
        }
    }

    /// <summary>The policy's intervals: steady for <see cref="WaitPolicy.SteadyFor"/>, then growing per read up to the maximum.</summary>
    private sealed class Cadence(WaitPolicy policy)
    {
        private TimeSpan _grown = policy.InitialDelay;

        public TimeSpan First => policy.InitialDelay;

        public TimeSpan Next(TimeSpan elapsed)
        {
            if (elapsed < policy.SteadyFor)
            {
                return policy.InitialDelay;
            }

            var grown = TimeSpan.FromTicks((long)(_grown.Ticks * Math.Max(1.0, policy.Factor)));
            _grown = grown > policy.MaxDelay ? policy.MaxDelay : grown;
            return _grown;
        }
    }
}

/// <summary>What a wait for a status ends on, and the errors it raises.</summary>
internal sealed record StatusGoal<T>(
    IReadOnlyCollection<string> Targets,
    IReadOnlyCollection<string> Failures,
    Func<T, Exception> Failed,
    Func<T?, Exception> TimedOut);
