using MetaMock.JobLogging.CloudWatch.Sending.Pacing;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Pacing;

/// <summary>
/// When the loop drains and sends, asked of the pacing alone: a fake clock and the state the loop would report, no
/// buffer, no endpoint. Each cycle drains; what is asserted is how long the loop waits for the next one and what it sends.
/// </summary>
public sealed class SendPacingTests
{
    private static readonly TimeSpan Flush = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Drain = TimeSpan.FromMilliseconds(50);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    // A loop that has been idle for long: nothing queued, nothing drained lately, no backoff.
    private static LoopState Idle => new(
        Queued: false,
        Backlog: false,
        DrainedNothing: true,
        LastDrained: DateTimeOffset.MinValue,
        FullCallListed: false,
        HalfFull: false,
        RetryAt: DateTimeOffset.MinValue);

    [Fact]
    public void An_idle_loop_sleeps_until_the_flush_interval_and_then_sends_everything()
    {
        var pacing = Started();

        Assert.Equal(Flush, pacing.WaitBeforeCycle(Idle));
        Assert.Equal(new CyclePlan(SendScope.Nothing, IntervalRound: false), Cycle(pacing, Idle, shuttingDown: false));

        _time.Advance(Flush);
        Assert.Equal(TimeSpan.Zero, pacing.WaitBeforeCycle(Idle));
        Assert.Equal(new CyclePlan(SendScope.Everything, IntervalRound: true), Cycle(pacing, Idle, shuttingDown: false));

        // The round sets the next one a whole interval on.
        Assert.Equal(Flush, pacing.WaitBeforeCycle(Idle));
    }

    [Fact]
    public void An_idle_loop_wakes_for_the_spools_interval_sync_when_it_is_due_before_the_flush_interval()
    {
        var pacing = Started();
        var syncDue = Idle with { SyncAt = _time.GetUtcNow() + TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromSeconds(1), pacing.WaitBeforeCycle(syncDue));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, pacing.WaitBeforeCycle(syncDue));
        Assert.Equal(new CyclePlan(SendScope.Nothing, IntervalRound: false), Cycle(pacing, syncDue, shuttingDown: false));

        // A sync due after the round does not hold the round back.
        Assert.Equal(Flush - TimeSpan.FromSeconds(1), pacing.WaitBeforeCycle(Idle with { SyncAt = _time.GetUtcNow() + Flush }));
    }

    [Fact]
    public void Queued_events_are_drained_every_drain_interval_but_not_sent_before_the_flush_interval()
    {
        var pacing = Started();
        var queued = Idle with { Queued = true };

        Assert.Equal(Drain, pacing.WaitBeforeCycle(queued));
        _time.Advance(Drain);
        Assert.Equal(SendScope.Nothing, Cycle(pacing, queued, shuttingDown: false).Send);
    }

    [Fact]
    public void A_loop_that_drained_within_the_last_flush_interval_stays_on_the_drain_interval_then_sleeps_again()
    {
        var pacing = Started();
        var drained = Idle with { DrainedNothing = false, LastDrained = _time.GetUtcNow() };

        Assert.Equal(Drain, pacing.WaitBeforeCycle(drained));

        _time.Advance(Flush - TimeSpan.FromMilliseconds(10));
        // Busy, but the round comes before the drain interval would: it is not overslept.
        Assert.Equal(TimeSpan.FromMilliseconds(10), pacing.WaitBeforeCycle(drained));

        _time.Advance(TimeSpan.FromMilliseconds(10));
        Cycle(pacing, drained, shuttingDown: false);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        // A whole flush interval without a drain: quiet again, so the loop sleeps until the round.
        Assert.Equal(Flush - TimeSpan.FromMilliseconds(10), pacing.WaitBeforeCycle(drained));
    }

    [Fact]
    public void A_backlog_goes_round_at_once_unless_the_last_drain_found_nothing_ready()
    {
        var pacing = Started();
        var backlog = Idle with { Queued = true, Backlog = true, DrainedNothing = false, LastDrained = _time.GetUtcNow() };

        Assert.Null(pacing.WaitBeforeCycle(backlog));
        Assert.Equal(Drain, pacing.WaitBeforeCycle(backlog with { DrainedNothing = true }));
    }

    [Fact]
    public void The_end_of_a_send_round_starts_one_more_cycle_at_once()
    {
        var pacing = Started();

        pacing.RoundEnded(sentAny: true);
        Assert.Null(pacing.WaitBeforeCycle(Idle));

        Cycle(pacing, Idle, shuttingDown: false);
        Assert.Equal(Flush, pacing.WaitBeforeCycle(Idle));
    }

    [Fact]
    public void The_end_of_a_round_that_sent_nothing_does_not_start_a_cycle_at_once()
    {
        var pacing = Started();

        pacing.RoundEnded(sentAny: false);

        Assert.Equal(Flush, pacing.WaitBeforeCycle(Idle with { HalfFull = true }));
    }

    [Fact]
    public void A_stream_holding_a_full_call_sends_its_full_calls_early_and_a_half_full_buffer_sends_everything()
    {
        var pacing = Started();
        _time.Advance(Drain);

        Assert.Equal(new CyclePlan(SendScope.FullCalls, IntervalRound: false), Cycle(pacing, Idle with { FullCallListed = true }, shuttingDown: false));
        Assert.Equal(new CyclePlan(SendScope.Everything, IntervalRound: false), Cycle(pacing, Idle with { HalfFull = true }, shuttingDown: false));
        Assert.Equal(SendScope.Everything, Cycle(pacing, Idle with { HalfFull = true, FullCallListed = true }, shuttingDown: false).Send);
    }

    [Fact]
    public void A_requested_round_sends_everything_once_and_moves_the_next_round_a_flush_interval_on()
    {
        var pacing = Started();
        _time.Advance(TimeSpan.FromSeconds(2));

        pacing.RequestRound();
        Assert.Equal(new CyclePlan(SendScope.Everything, IntervalRound: true), Cycle(pacing, Idle, shuttingDown: false));
        Assert.Equal(SendScope.Nothing, Cycle(pacing, Idle, shuttingDown: false).Send);
        Assert.Equal(Flush, pacing.WaitBeforeCycle(Idle));
    }

    [Fact]
    public void A_backoff_holds_every_send_back_while_the_loop_keeps_its_rounds()
    {
        var pacing = Started();
        _time.Advance(Flush);
        var backingOff = Idle with { HalfFull = true, FullCallListed = true, RetryAt = _time.GetUtcNow() + TimeSpan.FromSeconds(1) };

        pacing.RequestRound();
        // An interval round still evicts idle streams and publishes them; it sends nothing.
        Assert.Equal(new CyclePlan(SendScope.Nothing, IntervalRound: true), Cycle(pacing, backingOff, shuttingDown: false));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SendScope.Everything, Cycle(pacing, backingOff, shuttingDown: false).Send);
    }

    [Fact]
    public void A_send_held_back_by_a_backoff_goes_when_the_backoff_ends_not_at_the_round()
    {
        var pacing = Started();
        var retryAt = _time.GetUtcNow() + TimeSpan.FromSeconds(1);

        Assert.Equal(TimeSpan.FromSeconds(1), pacing.WaitBeforeCycle(Idle with { FullCallListed = true, RetryAt = retryAt }));
        Assert.Equal(TimeSpan.FromSeconds(1), pacing.WaitBeforeCycle(Idle with { HalfFull = true, RetryAt = retryAt }));
        // Nothing held back: the backoff's end is no reason to wake.
        Assert.Equal(Flush, pacing.WaitBeforeCycle(Idle with { RetryAt = retryAt }));
        // A drain interval comes first anyway.
        Assert.Equal(Drain, pacing.WaitBeforeCycle(Idle with { Queued = true, FullCallListed = true, RetryAt = retryAt }));
    }

    [Fact]
    public void Shutdown_sends_everything_at_once_even_during_a_backoff()
    {
        var pacing = Started();
        var backingOff = Idle with { RetryAt = _time.GetUtcNow() + TimeSpan.FromSeconds(30) };

        Assert.Equal(new CyclePlan(SendScope.Everything, IntervalRound: true), Cycle(pacing, backingOff, shuttingDown: true));
        Assert.Equal(SendScope.Everything, Cycle(pacing, backingOff, shuttingDown: true).Send);
    }

    [Fact]
    public void A_round_requested_while_a_cycle_drains_is_left_for_the_next_cycle()
    {
        var pacing = Started();
        _time.Advance(TimeSpan.FromSeconds(1));

        // The flush's events were logged after this cycle drained: its round would go without them.
        pacing.BeginCycle();
        pacing.RequestRound();
        Assert.Equal(SendScope.Nothing, pacing.Plan(Idle, shuttingDown: false).Send);

        Assert.Equal(new CyclePlan(SendScope.Everything, IntervalRound: true), Cycle(pacing, Idle, shuttingDown: false));
    }

    // One cycle: it begins (and would drain), then asks what to send.
    private static CyclePlan Cycle(SendPacing pacing, LoopState state, bool shuttingDown)
    {
        pacing.BeginCycle();
        return pacing.Plan(state, shuttingDown);
    }

    private SendPacing Started()
    {
        var pacing = new SendPacing(_time, Flush, Drain);
        pacing.Start();
        return pacing;
    }
}
