using System.Runtime.InteropServices;
using MetaMock.JobLogging.CloudWatch.Sending.Buffer;

namespace MetaMock.JobLogging.CloudWatch.Sending.Streams;

/// <summary>
/// One formatted event waiting for its stream's next call: where its UTF-8 text is in the <see cref="MessageStore"/>,
/// and what it stands for. A struct of 32 bytes, stored inline in its stream's <see cref="PendingEvents"/>, with no
/// reference in it, so waiting events are nothing the garbage collector has to trace. A message split into parts
/// becomes several pending events; only the last carries the original event's count and buffer cost, so each logged
/// event is counted once. It also says whether the console printed the event at its call (WARNING and above in
/// production), so the console fall-back does not print it twice.
/// </summary>
/// <remarks>
/// Its capture order is its place in its stream's list (events join their stream in the order they were drained), so it
/// carries no sequence number; the length and the four flags share one field (a message part is at most a call's
/// bytes, far below 2^28). Laid out by the runtime (no field order to keep), so it packs them without padding.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
internal struct PendingEvent
{
    private const uint LengthMask = (1u << 28) - 1;
    private const uint PrintedFlag = 1u << 28;
    private const uint CountsEvent = 1u << 29;
    private const uint SettledFlag = 1u << 30;
    private const uint AnswerLostFlag = 1u << 31;

    private uint _lengthAndFlags;

    public PendingEvent(long timestamp, (int Chunk, int Offset, int Length) text, int eventCount, long bufferBytes, long origin = 0, bool printed = false)
    {
        if ((uint)text.Length > LengthMask || eventCount is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(text), "A pending event holds one message part of at most 2^28 - 1 bytes and counts 0 or 1 events.");
        }

        Timestamp = timestamp;
        Origin = origin;
        BufferBytes = checked((int)bufferBytes);
        (Chunk, Offset) = (text.Chunk, text.Offset);
        _lengthAndFlags = (uint)text.Length | (eventCount == 1 ? CountsEvent : 0) | (printed ? PrintedFlag : 0);
    }

    /// <summary>Milliseconds since the Unix epoch: the time of the log call.</summary>
    public long Timestamp { get; }

    /// <summary>The spool segment (its <see cref="Records.Segment.Epoch"/>) to settle the event in once delivered or dropped; 0: none.</summary>
    public long Origin { get; }

    /// <summary>What the event holds of the buffer's byte limit, released once it is delivered or dropped.</summary>
    public int BufferBytes { get; }

    /// <summary>The store's chunk holding the text; the store rewrites it when it compacts.</summary>
    public int Chunk { get; set; }

    /// <summary>Where the text starts in its chunk; the store rewrites it when it compacts.</summary>
    public int Offset { get; set; }

    public readonly int Utf8Bytes => (int)(_lengthAndFlags & LengthMask);

    /// <summary>The console printed this event at its call: a fall-back to the console counts it without printing it again.</summary>
    public readonly bool Printed => (_lengthAndFlags & PrintedFlag) != 0;

    /// <summary>1 for a whole event or the last part of a split one, else 0.</summary>
    public readonly int EventCount => (_lengthAndFlags & CountsEvent) != 0 ? 1 : 0;

    /// <summary>Delivered or dropped, and counted; the stream removes settled events after each send.</summary>
    public bool Settled
    {
        readonly get => (_lengthAndFlags & SettledFlag) != 0;
        set => _lengthAndFlags = value ? _lengthAndFlags | SettledFlag : _lengthAndFlags & ~SettledFlag;
    }

    /// <summary>A put carrying it lost its answer: CloudWatch may hold it already, so sending it again may store a copy.</summary>
    public bool AnswerLost
    {
        readonly get => (_lengthAndFlags & AnswerLostFlag) != 0;
        set => _lengthAndFlags = value ? _lengthAndFlags | AnswerLostFlag : _lengthAndFlags & ~AnswerLostFlag;
    }

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
