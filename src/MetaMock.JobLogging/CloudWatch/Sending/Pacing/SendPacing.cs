namespace MetaMock.JobLogging.CloudWatch.Sending.Pacing;

/// <summary>
/// When the loop drains and when it sends, decided from the clock and what the loop holds, with no I/O of its own.
/// Every cycle drains first; pacing says how long to wait for the next cycle (<see cref="WaitBeforeCycle"/>), gives the
/// cycle its time (<see cref="BeginCycle"/>) and says what it sends once drained (<see cref="Plan"/>). It sends
/// everything at the flush interval, at a flush the application asked for and at shutdown, and early once the buffer is
/// half full; early too, the full calls of the streams holding one (waiting would not make them larger). While a failed
/// round's backoff lasts it sends nothing, but at shutdown. Between rounds it goes round at once on a backlog, every
/// drain interval while events are queued or were drained within the last flush interval (so a job's few lines are
/// formatted and let go young), and otherwise sleeps until the round or the spool's next interval sync, whichever comes
/// first (a sync runs after a drain, so a line logged into an idle process reaches the device within the sync interval,
/// not the flush interval), so an idle process is not woken for nothing.
/// </summary>
/// <remarks>The loop's alone, but <see cref="RequestRound"/>, which any thread may call.</remarks>
internal sealed class SendPacing
{
    /// <summary>
    /// How long queued events may wait for a drain when no writer woke the loop. Short against the gen0 collections of
    /// a busy process (tens of milliseconds apart), long enough that a quiet process is not woken for every line.
    /// </summary>
    internal static readonly TimeSpan DefaultDrainInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>At shutdown, the pause after a cycle that settled nothing (the endpoint is failing), rather than spinning until the deadline.</summary>
    internal static readonly TimeSpan NoProgressPause = TimeSpan.FromMilliseconds(200);

    private readonly TimeProvider _time;
    private readonly TimeSpan _flushInterval;
    private DateTimeOffset _nextRound;
    // The cycle under way: when it began, and whether a flush had asked for a round by then.
    private DateTimeOffset _cycleStart;
    private bool _requestedThisCycle;
    private bool _roundJustEnded;
    // Set by a flush the application asked for, from any thread: the next cycle sends everything.
    private int _roundRequested;

    public SendPacing(TimeProvider time, TimeSpan flushInterval, TimeSpan drainInterval)
    {
        _time = time;
        _flushInterval = flushInterval;
        DrainInterval = drainInterval;
    }

    /// <summary>How often the loop drains while events are queued, between rounds and during one.</summary>
    public TimeSpan DrainInterval { get; }

    /// <summary>The loop starts: the first round is a flush interval away.</summary>
    public void Start() => _nextRound = _time.GetUtcNow() + _flushInterval;

    /// <summary>Makes the next cycle send everything, as at the flush interval. Any thread.</summary>
    public void RequestRound() => Volatile.Write(ref _roundRequested, 1);

    /// <summary>
    /// A send round ended: if it sent anything, the next cycle starts at once. What arrived during the round woke no one
    /// (the loop was busy), yet may complete a call or fill the buffer to half. A round that sent nothing (its streams
    /// wait out a throttled creation) changes nothing: starting again at once would run empty rounds back to back, a
    /// busy loop, while the buffer stays half full.
    /// </summary>
    public void RoundEnded(bool sentAny) => _roundJustEnded = sentAny;

    /// <summary>Null when the next cycle starts at once; otherwise how long to wait for it (a writer's wake-up may end the wait sooner).</summary>
    public TimeSpan? WaitBeforeCycle(in LoopState state)
    {
        // A backlog goes round at once, unless the last drain found nothing ready: waiting then lets the writer finish
        // filling its slots instead of spinning against it.
        if (_roundJustEnded || (state.Backlog && !state.DrainedNothing))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var busy = state.Queued || now - state.LastDrained < _flushInterval;
        var next = busy && now + DrainInterval < _nextRound ? now + DrainInterval : _nextRound;
        if (state.RetryAt > now && state.RetryAt < next && (state.FullCallListed || state.HalfFull))
        {
            // A backoff held back an early send: it goes as soon as the backoff ends.
            next = state.RetryAt;
        }

        if (state.SyncAt < next)
        {
            next = state.SyncAt.Value;
        }

        return next > now ? next - now : TimeSpan.Zero;
    }

    /// <summary>
    /// A cycle begins, before it drains: returns its time. A round requested from now on is left for the next cycle:
    /// the events the flush waits for may have been logged after this cycle's drain.
    /// </summary>
    public DateTimeOffset BeginCycle()
    {
        _roundJustEnded = false;
        _requestedThisCycle = Interlocked.Exchange(ref _roundRequested, 0) == 1;
        _cycleStart = _time.GetUtcNow();
        return _cycleStart;
    }

    /// <summary>What the cycle sends, given what the loop holds once it has drained.</summary>
    public CyclePlan Plan(in LoopState state, bool shuttingDown)
    {
        var now = _cycleStart;
        var intervalRound = _requestedThisCycle || shuttingDown || now >= _nextRound;
        if (intervalRound)
        {
            _nextRound = now + _flushInterval;
        }

        var send = SendScope.Nothing;
        if (shuttingDown || now >= state.RetryAt)
        {
            send = intervalRound || state.HalfFull ? SendScope.Everything
                : state.FullCallListed ? SendScope.FullCalls
                : SendScope.Nothing;
        }

        return new CyclePlan(send, intervalRound);
    }
}
