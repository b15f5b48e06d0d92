using System.Buffers;

namespace MetaMock.JobLogging.CloudWatch.Sending.Streams;

/// <summary>
/// One stream's pending events, in capture order until <see cref="Sort"/>. A list of structs in an array from the
/// shared pool: a busy stream reuses the same array round after round; it goes back to the pool once the stream has
/// stayed empty for a whole round (see <see cref="TrimIfIdle"/>).
/// </summary>
/// <remarks>
/// Touched by the loop between sends. During a send round, each call's task sets <see cref="PendingEvent.Settled"/>
/// on its own range of elements only, and nothing is added or removed, so the array is never replaced under them.
/// </remarks>
internal sealed class PendingEvents
{
    private const int FirstCapacity = 16;

    private PendingEvent[] _items = [];
    private int _count;
    private long _messageBytes;
    private bool _emptyLastRound;

    public int Count => _count;

    /// <summary>The UTF-8 bytes of the pending messages, kept as they come and go so a full stream is seen at no cost.</summary>
    public long MessageBytes => _messageBytes;

    /// <summary>The length of the array held (0 once it went back to the pool).</summary>
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

    /// <summary>Chronological, and stable: equal timestamps keep their capture order (sequence numbers are unique).</summary>
    public void Sort()
    {
        var items = AsSpan();
        for (var i = 1; i < items.Length; i++)
        {
            if (items[i].Timestamp < items[i - 1].Timestamp)
            {
                // Events arrive nearly in order (they are drained in capture order); sort only when one is not.
                items.Sort(static (x, y) => x.Timestamp != y.Timestamp ? x.Timestamp.CompareTo(y.Timestamp) : x.Sequence.CompareTo(y.Sequence));
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
    /// Called once a round for each stream with nothing pending: the second time in a row, the array goes back to the
    /// pool. A burst must not leave one behind in a stream that may now stay idle for minutes (and a job's stream
    /// usually does), but a stream busy every round keeps its array instead of growing a new one each time.
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

    /// <summary>Forgets every event (they were settled elsewhere) and gives the array back to the pool.</summary>
    public void Clear()
    {
        _count = 0;
        _messageBytes = 0;
        _emptyLastRound = false;
        if (_items.Length > 0)
        {
            ArrayPool<PendingEvent>.Shared.Return(_items);
            _items = [];
        }
    }

    private void Grow()
    {
        var grown = ArrayPool<PendingEvent>.Shared.Rent(Math.Max(FirstCapacity, _items.Length * 2));
        AsSpan().CopyTo(grown);
        if (_items.Length > 0)
        {
            ArrayPool<PendingEvent>.Shared.Return(_items);
        }

        _items = grown;
    }
}
