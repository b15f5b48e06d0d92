namespace MetaMock.JobLogging.CloudWatch.Sending.Pacing;

/// <summary>What the loop holds when it asks <see cref="SendPacing"/> what to do next.</summary>
/// <param name="Queued">Events wait in the buffer, not yet drained.</param>
/// <param name="Backlog">At least a drain's worth of them wait (a writer woke the loop, or would have).</param>
/// <param name="DrainedNothing">The last drain found nothing ready (a writer claimed slots and has not filled them yet).</param>
/// <param name="LastDrained">When a drain last found events.</param>
/// <param name="FullCallListed">A stream holds a full call and is listed for an early send.</param>
/// <param name="HalfFull">The buffer holds half its event or byte limit (drained events count until they are released).</param>
/// <param name="RetryAt">When a failed round's backoff ends.</param>
/// <param name="SyncAt">When the spool's next interval sync is due (<c>SpoolSync=Interval</c>); null when none is.</param>
internal readonly record struct LoopState(
    bool Queued,
    bool Backlog,
    bool DrainedNothing,
    DateTimeOffset LastDrained,
    bool FullCallListed,
    bool HalfFull,
    DateTimeOffset RetryAt,
    DateTimeOffset? SyncAt = null);
