namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// A multi-producer, single-consumer FIFO of fixed-size segments. A write is one interlocked increment and a slot
/// copy; the consumer hands drained segments back to a <see cref="SegmentPool{T}"/> that keeps strongly only what the
/// last round needed. Unlike <see cref="System.Collections.Concurrent.ConcurrentQueue{T}"/>, whose segments double in size and
/// whose last (largest) segment stays alive, memory after a burst goes back to a few segments however large the burst was.
/// </summary>
/// <remarks>
/// Unbounded by itself: the owner bounds what is written. Each producer's items are taken in the order it wrote them.
/// A segment is reused only after the consumer moved past it, and a new one is published as the tail before it is
/// linked, so a producer still holding a reused segment either fails its claim (the segment is full) or claims a slot
/// of the segment that is about to become the tail, which is a valid claim.
/// </remarks>
internal sealed class SegmentedQueue<T>
    where T : struct
{
    /// <summary>Segments kept after a quiet round: the tail plus these cover a small burst without allocating.</summary>
    public const int IdleSegments = 2;

    private const int Size = QueueSegment<T>.Size;

    private readonly SegmentPool<T> _pool = new();

    // Written by the producer that fills the tail, read by all.
    private QueueSegment<T> _tail;

    // Touched by the consumer only.
    private QueueSegment<T> _head;
    private int _headIndex;
    private long _roundPeak;

    // Written by the consumer after each take, read by producers: the queue-wide position of the next item to take.
    private long _taken;

    public SegmentedQueue()
    {
        _head = new QueueSegment<T>();
        _tail = _head;
    }

    /// <summary>Items written or being written and not yet taken. Consumer only (it reads the head).</summary>
    public long Count
    {
        get
        {
            var tail = Volatile.Read(ref _tail);
            var end = tail.Base + Math.Min(Volatile.Read(ref tail.Claimed), Size);
            return Math.Max(0, end - (_head.Base + _headIndex));
        }
    }

    /// <summary>
    /// Items written or being written and not yet taken, from any thread: exact for the consumer, a moment old for a
    /// producer (the consumer's position is published after each take).
    /// </summary>
    public long Backlog
    {
        get
        {
            var tail = Volatile.Read(ref _tail);
            var end = tail.Base + Math.Min(Volatile.Read(ref tail.Claimed), Size);
            return Math.Max(0, end - Volatile.Read(ref _taken));
        }
    }

    /// <summary>The segments from the head to the tail, in order. Consumer only; for tests.</summary>
    internal List<QueueSegment<T>> LinkedSegments()
    {
        var segments = new List<QueueSegment<T>>();
        for (var segment = _head; segment is not null; segment = Volatile.Read(ref segment.Next))
        {
            segments.Add(segment);
        }

        return segments;
    }

    /// <summary>
    /// Adds an item; safe from any number of threads at once. True when this write opened a new segment (once per
    /// <see cref="QueueSegment{T}.Size"/> writes): the one moment a producer checks the backlog, so the common write
    /// pays for no check at all.
    /// </summary>
    public bool Enqueue(in T item)
    {
        var spin = default(SpinWait);
        while (true)
        {
            var segment = Volatile.Read(ref _tail);
            var index = Interlocked.Increment(ref segment.Claimed) - 1;
            if (index < Size)
            {
                Publish(segment, index, item);
                return false;
            }

            if (index == Size)
            {
                // This writer filled the segment: it links the next one and takes its first slot.
                Publish(Grow(segment), 0, item);
                return true;
            }

            // Full, and another writer is linking the next segment.
            spin.SpinOnce();
        }
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> items into <paramref name="into"/>, oldest first; consumer only. Takes only
    /// what is queued when called, and stops at a slot claimed but not yet written (the rest waits for the next call).
    /// A call that takes less than <paramref name="max"/> ends a round: the pool is trimmed to what the round needed.
    /// </summary>
    public int DequeueInto(List<T> into, int max)
    {
        var queued = Count;
        _roundPeak = Math.Max(_roundPeak, queued);
        var available = Math.Min(max, queued);
        var taken = 0;
        while (taken < available)
        {
            if (_headIndex == Size && !TryAdvance())
            {
                break;
            }

            ref var slot = ref _head.Slots[_headIndex];
            if (Volatile.Read(ref slot.Written) == 0)
            {
                break;
            }

            into.Add(slot.Item);
            // Cleared at once: a drained slot must not keep the item's references alive.
            slot.Item = default;
            slot.Written = 0;
            _headIndex++;
            taken++;
        }

        if (_headIndex == Size)
        {
            TryAdvance();
        }

        Volatile.Write(ref _taken, _head.Base + _headIndex);
        if (taken < max)
        {
            // Keep what this round's producers needed (one round predicts the next); the rest is held weakly, for a
            // burst that comes back before the next full collection.
            _pool.TrimTo((int)((_roundPeak + Size - 1) / Size) + IdleSegments);
            _roundPeak = 0;
        }

        return taken;
    }

    private static void Publish(QueueSegment<T> segment, int index, in T item)
    {
        ref var slot = ref segment.Slots[index];
        slot.Item = item;
        Volatile.Write(ref slot.Written, 1);
    }

    private QueueSegment<T> Grow(QueueSegment<T> full)
    {
        var next = _pool.Rent() ?? new QueueSegment<T>();
        next.Next = null;
        next.Base = full.Base + Size;
        // Last, with release semantics: the claim count reopens the segment, with slot 0 taken by this writer.
        Volatile.Write(ref next.Claimed, 1);
        Volatile.Write(ref _tail, next);
        Volatile.Write(ref full.Next, next);
        return next;
    }

    private bool TryAdvance()
    {
        var next = Volatile.Read(ref _head.Next);
        if (next is null)
        {
            return false;
        }

        // Every slot of the old head has been taken and cleared. Its link is cut too: a pooled segment pointing at the
        // next one would keep the whole chain of a burst alive through the few segments the pool keeps.
        _head.Next = null;
        _pool.Return(_head);
        _head = next;
        _headIndex = 0;
        return true;
    }
}
