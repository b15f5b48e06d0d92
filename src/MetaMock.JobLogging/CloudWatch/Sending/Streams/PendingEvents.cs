using System.Buffers;

namespace MetaMock.JobLogging.CloudWatch.Sending.Streams;

/// <summary>
/// One stream's pending events, in capture order until <see cref="Sort"/>. A list of structs in an array: a busy stream
/// reuses the same array round after round; it is let go once the stream has stayed empty for a whole round (see
/// <see cref="TrimIfIdle"/>). A job's stream usually holds a handful of events at a time, and up to 20,000 of them may
/// hold events at once, so the first arrays are small ones of its own (4, then 8 events); from 16 events on they come
/// from the shared pool, whose smallest arrays hold 16.
/// </summary>
/// <remarks>
/// Touched by the loop between sends. During a send round, each call's task sets <see cref="PendingEvent.Settled"/>
/// on its own range of elements only, and nothing is added or removed, so the array is never replaced under them.
/// </remarks>
internal sealed class PendingEvents
{
    private const int FirstCapacity = 4;
    // The shared pool's smallest size: below it, arrays are allocated (and given to the garbage collector), not rented.
    private const int PooledCapacity = 16;

    private PendingEvent[] _items = [];
    private int _count;
    private long _messageBytes;
    private bool _emptyLastRound;

    public int Count => _count;

    /// <summary>The UTF-8 bytes of the pending messages, kept as they come and go so a full stream is seen at no cost.</summary>
    public long MessageBytes => _messageBytes;

    /// <summary>The length of the array held (0 once it was let go).</summary>
    public int Capacity => _items.Length;

    public ref PendingEvent this[int index] => ref AsSpan()[index];

    public Span<PendingEvent> AsSpan() => _items.AsSpan(0, _count);

    public void Add(in PendingEvent item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _emptyLastRound = false;
        _messageBytes += item.Utf8Bytes;
        _items[_count++] = item;
    }

    /// <summary>
    /// Chronological, and stable: equal timestamps keep their capture order, which is their order in the list (events
    /// are added as they are drained, and removing settled ones keeps the order of the rest).
    /// </summary>
    public void Sort()
    {
        var items = AsSpan();
        for (var i = 1; i < items.Length; i++)
        {
            if (items[i].Timestamp < items[i - 1].Timestamp)
            {
                // Events arrive nearly in order (they are drained in capture order); sort only when one is not.
                SortByTimeThenPlace(items);
                return;
            }
        }
    }

    /// <summary>After a round: what was delivered or dropped leaves; the rest keeps its order for the next round.</summary>
    public void RemoveSettled()
    {
        var kept = 0;
        long bytes = 0;
        for (var i = 0; i < _count; i++)
        {
            if (!_items[i].Settled)
            {
                bytes += _items[i].Utf8Bytes;
                _items[kept++] = _items[i];
            }
        }

        _count = kept;
        _messageBytes = bytes;
    }

    /// <summary>
    /// Called once a round for each stream with nothing pending: the second time in a row, the array is let go. A burst
    /// must not leave one behind in a stream that may now stay idle for minutes (and a job's stream usually does), but a
    /// stream busy every round keeps its array instead of growing a new one each time.
    /// </summary>
    public void TrimIfIdle()
    {
        if (_count > 0 || _items.Length == 0)
        {
            return;
        }

        if (_emptyLastRound)
        {
            Clear();
        }

        _emptyLastRound = true;
    }

    /// <summary>Forgets every event (they were settled elsewhere) and lets the array go (a pooled one back to the pool).</summary>
    public void Clear()
    {
        _count = 0;
        _messageBytes = 0;
        _emptyLastRound = false;
        Release(_items);
        _items = [];
    }

    // The span's sort is not stable: it sorts (timestamp, place) keys, then the events are laid out in the keys' order.
    private static void SortByTimeThenPlace(Span<PendingEvent> items)
    {
        var keys = ArrayPool<(long Timestamp, int Place)>.Shared.Rent(items.Length);
        var sorted = ArrayPool<PendingEvent>.Shared.Rent(items.Length);
        try
        {
            for (var i = 0; i < items.Length; i++)
            {
                keys[i] = (items[i].Timestamp, i);
            }

            keys.AsSpan(0, items.Length).Sort();
            for (var i = 0; i < items.Length; i++)
            {
                sorted[i] = items[keys[i].Place];
            }

            sorted.AsSpan(0, items.Length).CopyTo(items);
        }
        finally
        {
            ArrayPool<(long, int)>.Shared.Return(keys);
            ArrayPool<PendingEvent>.Shared.Return(sorted);
        }
    }

    private void Grow()
    {
        var capacity = Math.Max(FirstCapacity, _items.Length * 2);
        var grown = capacity < PooledCapacity ? new PendingEvent[capacity] : ArrayPool<PendingEvent>.Shared.Rent(capacity);
        AsSpan().CopyTo(grown);
        Release(_items);
        _items = grown;
    }

    private static void Release(PendingEvent[] items)
    {
        if (items.Length >= PooledCapacity)
        {
            ArrayPool<PendingEvent>.Shared.Return(items);
        }
    }
}
