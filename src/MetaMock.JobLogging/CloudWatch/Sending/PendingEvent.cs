namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// One formatted event waiting for its stream's next call. A message split into parts becomes several pending events;
/// only the last carries the original event's count and buffer cost, so each logged event is counted once.
/// </summary>
internal sealed class PendingEvent
{
    public PendingEvent(long timestamp, long sequence, string message, int utf8Bytes, int eventCount, long bufferBytes)
    {
        Timestamp = timestamp;
        Sequence = sequence;
        Message = message;
        Utf8Bytes = utf8Bytes;
        EventCount = eventCount;
        BufferBytes = bufferBytes;
    }

    /// <summary>Milliseconds since the Unix epoch: the time of the log call.</summary>
    public long Timestamp { get; }

    /// <summary>Order of capture; keeps the chronological sort stable for equal timestamps.</summary>
    public long Sequence { get; }

    public string Message { get; }

    public int Utf8Bytes { get; }

    /// <summary>1 for a whole event or the last part of a split one, else 0.</summary>
    public int EventCount { get; }

    /// <summary>What the event holds of the buffer's byte limit, released once it is delivered or dropped.</summary>
    public long BufferBytes { get; }

    /// <summary>Delivered or dropped, and counted; the stream removes settled events after each send.</summary>
    public bool Settled { get; set; }

    /// <summary>How many logged events, and how much buffer room, a set of pending events stands for.</summary>
    public static (long Events, long Bytes) Total(IEnumerable<PendingEvent> events)
    {
        long count = 0, bytes = 0;
        foreach (var item in events)
        {
            count += item.EventCount;
            bytes += item.BufferBytes;
        }

        return (count, bytes);
    }

    public static int Compare(PendingEvent? x, PendingEvent? y) =>
        x is null || y is null
            ? Comparer<PendingEvent?>.Default.Compare(x, y)
            : x.Timestamp != y.Timestamp ? x.Timestamp.CompareTo(y.Timestamp) : x.Sequence.CompareTo(y.Sequence);
}
