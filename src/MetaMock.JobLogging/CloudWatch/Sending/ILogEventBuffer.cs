namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// The one contract between the log call and the sender. Events stay counted against the limits from
/// <see cref="TryWrite"/> until <see cref="Release"/> (delivered or dropped), so events being retried hold their room:
/// an outage can never make memory grow past the limits. An on-disk spool could implement the same contract.
/// </summary>
internal interface ILogEventBuffer
{
    /// <summary>Events written and not yet released.</summary>
    long Events { get; }

    /// <summary>Bytes those events hold.</summary>
    long Bytes { get; }

    /// <summary>
    /// True when at least a drain's worth of events is queued and not yet drained: the sender then goes round again
    /// at once instead of waiting (a burst that arrived while it was sending never wakes it again, so it would
    /// otherwise wait while the buffer fills). Sender only.
    /// </summary>
    bool HasBacklog { get; }

    /// <summary>Events queued and not yet drained. Sender only.</summary>
    long Queued { get; }

    /// <summary>Called by the log call; never does I/O. With <paramref name="waitForRoom"/>, blocks while full until there is room or the buffer is closed.</summary>
    BufferWriteResult TryWrite(in CapturedEvent item, bool waitForRoom);

    /// <summary>Moves up to <paramref name="max"/> written events, oldest first, into <paramref name="into"/>; they stay counted.</summary>
    int Drain(List<CapturedEvent> into, int max);

    /// <summary>
    /// Counts <paramref name="bytes"/> more for an event already written: what its formatted text turned out to hold
    /// beyond the estimate made at the call (UTF-8 takes three bytes for a CJK char, the estimate two). Never refused,
    /// since the event is accepted; writes after it see the higher total. Released with the event.
    /// </summary>
    void Charge(long bytes);

    /// <summary>Gives back the room of events that were delivered or dropped.</summary>
    void Release(long events, long bytes);

    /// <summary>Refuses further writes and wakes any writer waiting for room.</summary>
    void Close();
}
