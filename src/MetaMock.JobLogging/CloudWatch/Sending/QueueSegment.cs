namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// A fixed-size block of a <see cref="SegmentedQueue{T}"/>. Producers claim slots by incrementing <see cref="Claimed"/>;
/// the segment is full once a claim passes <see cref="Size"/>. Reused through a <see cref="SegmentPool{T}"/>.
/// </summary>
internal sealed class QueueSegment<T>
    where T : struct
{
    /// <summary>
    /// Slots per segment: small enough that a segment (1,024 x 64 B for a captured event) stays below the large object
    /// heap's 85,000 bytes, large enough that linking a segment is rare (once per 1,024 writes).
    /// </summary>
    public const int Size = 1_024;

    public readonly QueueSlot<T>[] Slots = new QueueSlot<T>[Size];

    /// <summary>Claims made in this segment's current use; above <see cref="Size"/> after it filled (failed claims count too).</summary>
    public int Claimed;

    /// <summary>The queue-wide position of slot 0, so the queue can count what it holds across segments.</summary>
    public long Base;

    /// <summary>The segment after this one, set by the producer that filled this one.</summary>
    public QueueSegment<T>? Next;
}
