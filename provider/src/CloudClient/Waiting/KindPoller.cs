namespace Otc.CloudClient;

/// <summary>
/// Reads the statuses of every pending wait of one resource kind, one tick at a time. A tick starts when the earliest
/// wait is due and serves every wait due within a tenth of its interval: two or more due waits are served by one list
/// call (all pages, filtered to the deleting status when every wait awaits a deletion), which also refreshes the waits
/// that were not due yet; a single due wait is read by id, which costs the same and keeps its latency. A wait whose
/// resource is missing from the list is read by id, since only a definite 404 means gone. A list refused with 403 (an
/// IAM policy may allow get but not list) makes this poller read by id for the rest of its life; any other list
/// failure only for that tick.
/// </summary>
internal sealed class KindPoller<T>(IVpcepClient client, PolledKind<T> kind, TimeProvider clock, Action<string>? log, CancellationToken stopping) : IKindPoller
    where T : class
{
    /// <summary>The page size the client lists with: how many items one list call covers.</summary>
    private const int ListPageSize = 1000;

    private readonly List<StatusWatch<T>> _watches = [];
    private TaskCompletionSource _wake = NewSignal();
    private long _sleepingUntil = long.MaxValue;
    private bool _running;
    private bool _listRefused;
    private int _listPages = 1;

    /// <summary>Guards this poller and all its watches.</summary>
    internal Lock Gate { get; } = new();

    internal PolledKind<T> Kind => kind;

    /// <summary>Registers a wait; unless <paramref name="readFirst"/>, its first read is one interval away.</summary>
    /// <param name="current">The resource as last read, if the caller has it: the status the first change is measured against.</param>
    public StatusWatch<T> Watch(string id, bool awaitsDeletion, TimeSpan timeout, TimeSpan interval, T? current, bool readFirst)
    {
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
            var watch = new StatusWatch<T>(this, clock, id, awaitsDeletion, timeout, interval, current, readFirst);
            _watches.Add(watch);
            if (_running)
            {
                WakeForLocked(watch.Due);
            }
            else
            {
                _running = true;
                _ = Task.Run(RunAsync, CancellationToken.None);
            }

            return watch;
        }
    }

    /// <summary>A watch became due at <paramref name="due"/>: wake the loop if it sleeps past that.</summary>
    internal void WakeForLocked(long due)
    {
        if (due < _sleepingUntil)
        {
            _sleepingUntil = due;
            _wake.TrySetResult();
        }
    }

    internal void RemoveLocked(StatusWatch<T> watch) => _watches.Remove(watch);

    /// <summary>The client is going away: every wait still pending ends with <see cref="ObjectDisposedException"/>.</summary>
    public void Stop()
    {
        lock (Gate)
        {
            foreach (var watch in _watches)
            {
                watch.FailLocked(new ObjectDisposedException(nameof(StatusPoller), "The client was disposed while waiting."));
            }

            _wake.TrySetResult();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                List<StatusWatch<T>> due;
                List<StatusWatch<T>> all;
                long wakeAt;
                Task wake;
                lock (Gate)
                {
                    if (_watches.Count == 0 || stopping.IsCancellationRequested)
                    {
                        _running = false;
                        return;
                    }

                    var now = clock.GetTimestamp();
                    due = [.. _watches.Where(watch => watch.IsDueLocked(now))];
                    all = [.. _watches];
                    wakeAt = _watches.Min(watch => watch.Due);
                    if (_wake.Task.IsCompleted)
                    {
                        _wake = NewSignal();
                    }

                    _sleepingUntil = due.Count > 0 ? long.MaxValue : wakeAt;
                    wake = _wake.Task;
                }

                if (due.Count == 0)
                {
                    await SleepAsync(wakeAt, wake).ConfigureAwait(false);
                    continue;
                }

                await TickAsync(due, all).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            lock (Gate)
            {
                _running = false;
            }
        }
    }

    private async Task SleepAsync(long until, Task wake)
    {
        if (until == long.MaxValue)
        {
            await wake.WaitAsync(stopping).ConfigureAwait(false);
            return;
        }

        var delay = clock.GetElapsedTime(clock.GetTimestamp(), until);
        if (delay > TimeSpan.Zero)
        {
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            await Task.WhenAny(Task.Delay(delay, clock, sleep.Token), wake).ConfigureAwait(false);
            await sleep.CancelAsync().ConfigureAwait(false);
            stopping.ThrowIfCancellationRequested();
        }
    }

    private async Task TickAsync(List<StatusWatch<T>> due, List<StatusWatch<T>> all)
    {
        var scheduled = due.ToHashSet();
        var listed = due.Count >= 2 && !_listRefused && due.Count > _listPages ? await ListAsync(all).ConfigureAwait(false) : null;
        var byId = due;
        if (listed is { } list)
        {
            byId = [];
            lock (Gate)
            {
                foreach (var watch in all)
                {
                    if (list.Items.TryGetValue(watch.Id, out var resource))
                    {
                        watch.ObserveLocked(new Observation<T>(resource, null, list.ReadAt), scheduled.Contains(watch));
                    }
                    else
                    {
                        // Missing from the list: deleted, or not listed (a filter, a page that shifted while we read);
                        // only a definite 404 means gone.
                        byId.Add(watch);
                    }
                }
            }
        }

        await Task.WhenAll(byId.Select(watch => ReadAsync(watch, scheduled.Contains(watch)))).ConfigureAwait(false);
    }

    private async Task<(Dictionary<string, T> Items, long ReadAt)?> ListAsync(List<StatusWatch<T>> all)
    {
        var status = kind.DeletingStatus is { } deleting && all.TrueForAll(watch => watch.AwaitsDeletion) ? deleting : null;
        var readAt = clock.GetTimestamp();
        try
        {
            var items = await kind.ListAsync(client, status, stopping).ConfigureAwait(false);
            _listPages = (items.Count / ListPageSize) + 1;
            var byId = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
            foreach (var item in items)
            {
                byId[kind.IdOf(item)] = item;
            }

            return (byId, readAt);
        }
        catch (OtcApiException refused) when (refused.HttpStatus == 403)
        {
            _listRefused = true;
            log?.Invoke($"listing {kind.Noun}s was refused ({refused.HttpStatus} {refused.ErrorCode}); waits read each {kind.Noun} by id from now on");
            return null;
        }
        catch (Exception failure) when (!stopping.IsCancellationRequested)
        {
            log?.Invoke($"listing {kind.Noun}s failed ({failure.GetType().Name}); reading the due ones by id this time");
            return null;
        }
    }

    private async Task ReadAsync(StatusWatch<T> watch, bool scheduled)
    {
        var readAt = clock.GetTimestamp();
        try
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(watch.Lifetime, stopping);
            var resource = await kind.GetAsync(client, watch.Id, cancel.Token).ConfigureAwait(false);
            Observe(watch, new Observation<T>(resource, null, readAt), scheduled);
        }
        catch (OtcApiException notFound) when (notFound.IsNotFound)
        {
            Observe(watch, new Observation<T>(null, notFound, readAt), scheduled);
        }
        catch (OperationCanceledException) when (watch.Lifetime.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // The wait ended (or the client went away) while its read was in flight.
        }
        catch (Exception failure)
        {
            if (scheduled)
            {
                lock (Gate)
                {
                    watch.FailLocked(failure);
                }
            }
            else
            {
                log?.Invoke($"reading {kind.Noun} {watch.Id} failed ({failure.GetType().Name}); its own read will retry when due");
            }
        }
    }

    private void Observe(StatusWatch<T> watch, Observation<T> seen, bool scheduled)
    {
        lock (Gate)
        {
            watch.ObserveLocked(seen, scheduled);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>What <see cref="StatusPoller"/> needs of a kind poller without knowing its resource type.</summary>
internal interface IKindPoller
{
    void Stop();
}
