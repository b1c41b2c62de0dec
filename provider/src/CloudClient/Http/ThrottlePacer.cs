using System.Globalization;

namespace Otc.CloudClient;

/// <summary>
/// Paces every request of one client, so that many concurrent callers share the gateway's rate limit instead of each
/// discovering it with its own 429s. Unpaced until the first throttling answer; from then on AIMD on the request rate:
/// a throttle cuts the rate to <see cref="Headroom"/> of what the gateway actually let through in the last second, and
/// every answer that was not throttled while requests were queued lets the rate grow by <see cref="GrowthPerSecond"/>
/// per second of queueing. The learned rate is kept for the life of the client (the provider process): the next burst
/// starts at it instead of spending the gateway's window blind, and grows from there while the gateway keeps accepting.
/// Waiting requests are released first come, first served, one per interval.
/// </summary>
/// <remarks>
/// One short lock guards all state; nothing waits or calls out while holding it. Cancelled waiters give up their place
/// without using a slot.
/// </remarks>
internal sealed class ThrottlePacer(TimeProvider clock, Action<string>? log)
{
    /// <summary>The rate never drops below this, so a client that is throttled by others still makes progress.</summary>
    public const double MinRate = 1;

    /// <summary>Fraction of the measured acceptable rate to settle at after a throttle: slightly under the limit, not at it.</summary>
    private const double Headroom = 0.9;

    /// <summary>Growth while answers come back unthrottled: finds the limit again within a second or two after a cut.</summary>
    private const double GrowthPerSecond = 0.2;

    /// <summary>Longest pause for everyone while the gateway keeps refusing right after a cut.</summary>
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(1);

    /// <summary>Above this the pacing is pointless; it switches off until the next throttle.</summary>
    private const double UnpacedAbove = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource<long>> _waiting = new();
    private readonly RateMeter _sent = new(clock);
    private readonly RateMeter _accepted = new(clock);
    private double _rate = double.PositiveInfinity;
    private long _nextSlot;
    private long _lastDecrease = long.MinValue;
    private long _lastGrowth;
    private bool _answeredSinceDecrease = true;
    private long _hold;
    private bool _dispatching;

    /// <summary>Requests per second currently allowed; infinity while unpaced.</summary>
    public double Rate
    {
        get
        {
            lock (_gate)
            {
                return _rate;
            }
        }
    }

    /// <summary>Waits for this request's turn. Returns the release time, to be handed back with the answer.</summary>
    public ValueTask<long> WaitTurnAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        TaskCompletionSource<long> turn;
        bool startDispatcher;
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            if (_waiting.Count == 0 && now >= _nextSlot)
            {
                Release(now);
                return new ValueTask<long>(now);
            }

            if (_waiting.Count == 0)
            {
                // Growth is earned by time spent queueing, never by idle time since the last answer.
                _lastGrowth = Math.Max(_lastGrowth, now);
            }

            turn = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(turn);
            startDispatcher = !_dispatching;
            _dispatching = true;
        }

        if (startDispatcher)
        {
            _ = DispatchAsync();
        }

        return WaitAsync(turn, ct);
    }

    /// <summary>The gateway let the request through (whatever the service answered).</summary>
    public void OnAnswered(long releasedAt)
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            _accepted.Add(now);
            if (releasedAt >= _lastDecrease)
            {
                _answeredSinceDecrease = true;
                _hold = 0;
            }

            if (!double.IsPositiveInfinity(_rate))
            {
                // Grow only while the pacer is the bottleneck: a rate nobody uses has not been shown to be acceptable.
                if (_waiting.Count > 0)
                {
                    _rate *= Math.Pow(1 + GrowthPerSecond, clock.GetElapsedTime(_lastGrowth, now).TotalSeconds);
                }

                _lastGrowth = now;
                if (_rate > UnpacedAbove)
                {
                    _rate = double.PositiveInfinity;
                }
            }
        }
    }

    /// <summary>
    /// The gateway refused the request for its rate. Cuts the rate once per overload: only for a request released after
    /// the last cut, and only once something got through after that cut (a gateway's exhausted window refuses
    /// everything until it resets, which says nothing new about the rate). A <c>Retry-After</c> holds every request back.
    /// </summary>
    public void OnThrottled(long releasedAt, TimeSpan? retryAfter)
    {
        string? change = null;
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            if (retryAfter is { } pause)
            {
                _nextSlot = Math.Max(_nextSlot, now + Ticks(pause.TotalSeconds));
            }

            if (releasedAt >= _lastDecrease && _answeredSinceDecrease)
            {
                var sent = _sent.PerSecond(now);
                // What got through is the best estimate of the limit; halving bounds the cut when that measure is still young.
                var acceptable = Math.Min(Math.Min(_rate, sent), Math.Max(_accepted.PerSecond(now), sent / 2));
                _rate = Math.Max(MinRate, Headroom * acceptable);
                _lastDecrease = now;
                _lastGrowth = now;
                _answeredSinceDecrease = false;
                _hold = 0;
                change = string.Create(CultureInfo.InvariantCulture, $"{_rate:0.0}/s (sent {sent:0.0}/s, let through {_accepted.PerSecond(now):0.0}/s in the last second)");
            }
            else if (releasedAt >= _lastDecrease)
            {
                // Still refused at the new rate: the gateway's window is spent. Hold everyone back, longer each time,
                // instead of sending into it until it resets.
                _hold = Math.Min(Math.Max(2 * _hold, Ticks(1 / _rate)), Ticks(MaxHold.TotalSeconds));
                _nextSlot = Math.Max(_nextSlot, now + _hold);
            }
        }

        if (change is not null)
        {
            log?.Invoke($"throttled (429 APIGW.0308 or 400 EndPoint.0022): pacing requests at {change}");
        }
    }

    private static async ValueTask<long> WaitAsync(TaskCompletionSource<long> turn, CancellationToken ct)
    {
        using var registration = ct.Register(static (state, token) => ((TaskCompletionSource<long>)state!).TrySetCanceled(token), turn);
        return await turn.Task.ConfigureAwait(false);
    }

    private async Task DispatchAsync()
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetTimestamp();
                while (now >= _nextSlot && _waiting.TryDequeue(out var turn))
                {
                    // A waiter cancelled meanwhile refuses the slot and the next one gets it.
                    if (turn.TrySetResult(now))
                    {
                        Release(now);
                    }
                }

                if (_waiting.Count == 0)
                {
                    _dispatching = false;
                    return;
                }

                wait = clock.GetElapsedTime(now, _nextSlot);
            }

            await Task.Delay(wait, clock).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Books the slot taken at <paramref name="now"/>. A dispatcher that woke late catches up by up to one interval, so
    /// timer lateness does not lower the rate, but idle time never builds a burst.
    /// </summary>
    private void Release(long now)
    {
        _sent.Add(now);
        var interval = double.IsPositiveInfinity(_rate) ? 0 : Ticks(1 / _rate);
        _nextSlot = Math.Max(_nextSlot, now - interval) + interval;
    }

    private long Ticks(double seconds) => (long)(seconds * clock.TimestampFrequency);
}
