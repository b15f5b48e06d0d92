using MetaMock.JobLogging.CloudWatch.Sending.Buffer;

namespace MetaMock.JobLogging.CloudWatch.Sending.Streams;

/// <summary>
/// One formatted event waiting for its stream's next call: where its UTF-8 text is in the <see cref="MessageStore"/>,
/// and what it stands for. A struct, stored inline in its stream's <see cref="PendingEvents"/>, with no reference in
/// it, so waiting events are nothing the garbage collector has to trace. A message split into parts becomes several
/// pending events; only the last carries the original event's count and buffer cost, so each logged event is counted
/// once.
/// </summary>
internal struct PendingEvent
{
    public PendingEvent(long timestamp, long sequence, (int Chunk, int Offset, int Length) text, int eventCount, long bufferBytes, long origin = 0)
    {
        Origin = origin;
        Timestamp = timestamp;
        Sequence = sequence;
        (Chunk, Offset, Utf8Bytes) = text;
        EventCount = eventCount;
        BufferBytes = bufferBytes;
    }

    /// <summary>The spool segment (its <see cref="Records.Segment.Epoch"/>) to settle the event in once delivered or dropped; 0: none.</summary>
    public long Origin { get; }

    /// <summary>Milliseconds since the Unix epoch: the time of the log call.</summary>
    public long Timestamp { get; }

    /// <summary>Order of capture; keeps the chronological sort stable for equal timestamps.</summary>
    public long Sequence { get; }

    /// <summary>What the event holds of the buffer's byte limit, released once it is delivered or dropped.</summary>
    public long BufferBytes { get; }

    /// <summary>The store's chunk holding the text; the store rewrites it when it compacts.</summary>
    public int Chunk { get; set; }

    /// <summary>Where the text starts in its chunk; the store rewrites it when it compacts.</summary>
    public int Offset { get; set; }

    public int Utf8Bytes { get; }

    /// <summary>1 for a whole event or the last part of a split one, else 0.</summary>
    public int EventCount { get; }

    /// <summary>Delivered or dropped, and counted; the stream removes settled events after each send.</summary>
    public bool Settled { get; set; }

    /// <summary>A put carrying it lost its answer: CloudWatch may hold it already, so sending it again may store a copy.</summary>
    public bool AnswerLost { get; set; }

    /// <summary>The UTF-8 bytes of the events' texts, without any per-event overhead.</summary>
    public static long MessageBytes(ReadOnlySpan<PendingEvent> events)
    {
        long bytes = 0;
        foreach (ref readonly var item in events)
        {
            bytes += item.Utf8Bytes;
        }

        return bytes;
    }

    /// <summary>How many logged events, how much buffer room, and which spool segments' events a set of pending events stands for.</summary>
    public static Settlement Total(ReadOnlySpan<PendingEvent> events)
    {
        var settled = default(Settlement);
        foreach (ref readonly var item in events)
        {
            settled.Add(item);
        }

        return settled;
    }
}
