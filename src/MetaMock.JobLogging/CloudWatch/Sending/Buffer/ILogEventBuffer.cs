namespace MetaMock.JobLogging.CloudWatch.Sending.Buffer;

/// <summary>
/// The sender's view of the buffer's accounting. Events stay counted against the limits from the log call until they
/// are released (delivered or dropped), so events being retried hold their room: an outage can never make memory or
/// the spool grow past the limits. <see cref="RecordBuffer"/> is the one implementation.
/// </summary>
internal interface ILogEventBuffer
{
    /// <summary>Events written and not yet released.</summary>
    long Events { get; }

    /// <summary>Bytes those events hold.</summary>
    long Bytes { get; }

    /// <summary>
    /// True when at least a drain's worth of events is written and not yet read (or a spool's left events are still
    /// being replayed): the sender then goes round again at once instead of waiting. Sender only.
    /// </summary>
    bool HasBacklog { get; }

    /// <summary>Events written and not yet read by the sender. Sender only.</summary>
    long Queued { get; }

    /// <summary>
    /// Counts <paramref name="bytes"/> more for an event already written: what its formatted text turned out to hold
    /// beyond its record. Never refused, since the event is accepted; writes after it see the higher total. Released
    /// with the event.
    /// </summary>
    void Charge(long bytes);

    /// <summary>Gives back the room of events that were dropped or reported without a segment to settle (shutdown counts).</summary>
    void Release(long events, long bytes);

    /// <summary>The one release path: gives back the room of delivered or dropped events and settles the segments they came from.</summary>
    void Release(in Settlement settled);

    /// <summary>Refuses further writes and wakes any writer waiting for room.</summary>
    void Close();
}
