using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;

namespace Otc.CloudClient.Tests.Logic;

/// <summary>
/// The shared pacer on the real clock (moved forward by <see cref="OffsetClock"/> where a quiet spell matters): unpaced
/// until throttled, then one turn per interval, cancellable, one cut per overload, and the learned rate kept.
/// </summary>
public sealed class ThrottlePacerTests
{
    [Test]
    public void Nothing_waits_before_the_first_throttle()
    {
        var pacer = new ThrottlePacer(TimeProvider.System, null);

        var turns = Enumerable.Range(0, 200).Select(_ => pacer.WaitTurnAsync(CancellationToken.None)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(turns.All(turn => turn.IsCompletedSuccessfully), Is.True);
            Assert.That(pacer.Rate, Is.EqualTo(double.PositiveInfinity));
        });
    }

    [Test]
    public async Task After_a_throttle_callers_queue_for_their_turn()
    {
        var pacer = new ThrottlePacer(TimeProvider.System, null);
        var throttled = await pacer.WaitTurnAsync(CancellationToken.None);

        pacer.OnThrottled(throttled, retryAfter: null);
        var next = pacer.WaitTurnAsync(CancellationToken.None);
        var queued = pacer.WaitTurnAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(pacer.Rate, Is.GreaterThanOrEqualTo(ThrottlePacer.MinRate).And.LessThan(double.PositiveInfinity));
            Assert.That(next.IsCompletedSuccessfully, Is.True, "the free slot is taken at once");
            Assert.That(queued.IsCompleted, Is.False, "the following caller waits for the next slot");
        });
        Assert.That(await queued, Is.GreaterThan(await next));
    }

    [Test]
    public async Task Further_throttles_before_anything_gets_through_do_not_cut_again()
    {
        var pacer = new ThrottlePacer(TimeProvider.System, null);
        var first = await pacer.WaitTurnAsync(CancellationToken.None);
        pacer.OnThrottled(first, retryAfter: null);
        var afterCut = pacer.Rate;
        var second = await pacer.WaitTurnAsync(CancellationToken.None);

        pacer.OnThrottled(second, retryAfter: null);

        Assert.That(pacer.Rate, Is.EqualTo(afterCut));
    }

    [Test]
    public async Task A_cancelled_waiter_leaves_the_queue_and_the_next_one_gets_the_slot()
    {
        var pacer = new ThrottlePacer(TimeProvider.System, null);
        pacer.OnThrottled(await pacer.WaitTurnAsync(CancellationToken.None), retryAfter: null);
        await pacer.WaitTurnAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var cancelled = pacer.WaitTurnAsync(cts.Token).AsTask();
        var patient = pacer.WaitTurnAsync(CancellationToken.None).AsTask();

        await cts.CancelAsync();

        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await patient, Is.GreaterThan(0));
    }

    [Test]
    public async Task Retry_after_holds_back_every_caller_until_cancelled()
    {
        var pacer = new ThrottlePacer(TimeProvider.System, null);
        var throttled = await pacer.WaitTurnAsync(CancellationToken.None);

        pacer.OnThrottled(throttled, retryAfter: TimeSpan.FromMinutes(1));
        using var cts = new CancellationTokenSource();
        var held = pacer.WaitTurnAsync(cts.Token).AsTask();

        Assert.That(held.IsCompleted, Is.False);
        await cts.CancelAsync();
        Assert.That(async () => await held, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task The_learned_rate_is_kept_through_a_long_quiet_spell()
    {
        var clock = new OffsetClock();
        var pacer = new ThrottlePacer(clock, null);
        pacer.OnThrottled(await pacer.WaitTurnAsync(CancellationToken.None), retryAfter: null);
        var learned = pacer.Rate;

        clock.Advance(TimeSpan.FromMinutes(5));
        pacer.OnAnswered(await pacer.WaitTurnAsync(CancellationToken.None));

        Assert.That(pacer.Rate, Is.EqualTo(learned).And.LessThan(double.PositiveInfinity));
    }

    [Test]
    public async Task A_burst_after_a_quiet_spell_is_paced_from_the_start_and_idle_time_earns_no_growth()
    {
        var clock = new OffsetClock();
        var pacer = new ThrottlePacer(clock, null);
        pacer.OnThrottled(await pacer.WaitTurnAsync(CancellationToken.None), retryAfter: null);
        var learned = pacer.Rate;
        clock.Advance(TimeSpan.FromMinutes(5));

        using var cts = new CancellationTokenSource();
        var burst = Enumerable.Range(0, 5).Select(_ => pacer.WaitTurnAsync(cts.Token).AsTask()).ToList();
        pacer.OnAnswered(await burst[0]);

        Assert.Multiple(() =>
        {
            Assert.That(burst.Count(turn => !turn.IsCompleted), Is.GreaterThanOrEqualTo(3), "at the learned rate most of the burst waits for its slot");
            Assert.That(pacer.Rate, Is.LessThan(learned * 1.5), "five idle minutes did not count as time spent queueing");
        });
        await cts.CancelAsync();
        Assert.That(async () => await Task.WhenAll(burst), Throws.InstanceOf<OperationCanceledException>());
    }
}
