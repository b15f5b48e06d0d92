namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Drained segments kept for reuse, so neither a sustained backlog nor a repeated burst allocates a new segment per
/// 1,024 events on the writers' threads. The queue trims the pool to what its last round needed; what is trimmed is
/// demoted, not dropped: held weakly, it is reused if the next burst comes before a full garbage collection, and
/// otherwise the collector takes it, so a burst's memory is not held once it is over.
/// </summary>
/// <remarks>
/// A short lock: taken once per segment (1,024 events) by the writer that links a new one, and by the consumer.
/// </remarks>
internal sealed class SegmentPool<T>
    where T : struct
{
    private readonly Stack<QueueSegment<T>> _kept = new();
    // Reused references: the first _demotedCount may point at a segment the collector has not taken yet.
    private readonly List<WeakReference<QueueSegment<T>>> _demoted = [];
    private readonly object _gate = new();
    private int _demotedCount;

    /// <summary>Segments held strongly.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _kept.Count;
            }
        }
    }

    /// <summary>A cleared segment from the pool (kept first, then a demoted one still alive), or null.</summary>
    public QueueSegment<T>? Rent()
    {
        lock (_gate)
        {
            if (_kept.TryPop(out var segment))
            {
                return segment;
            }

            while (_demotedCount > 0)
            {
                var reference = _demoted[--_demotedCount];
                var alive = reference.TryGetTarget(out segment);
                reference.SetTarget(null!);
                if (alive)
                {
                    return segment;
                }
            }

            return null;
        }
    }

    /// <summary>Keeps a segment whose slots the consumer has cleared.</summary>
    public void Return(QueueSegment<T> segment)
    {
        lock (_gate)
        {
            _kept.Push(segment);
        }
    }

    /// <summary>Holds all but <paramref name="keep"/> segments weakly from now on.</summary>
    public void TrimTo(int keep)
    {
        lock (_gate)
        {
            while (_kept.Count > keep)
            {
                var segment = _kept.Pop();
                if (_demotedCount == _demoted.Count)
                {
                    _demoted.Add(new WeakReference<QueueSegment<T>>(segment));
                }
                else
                {
                    _demoted[_demotedCount].SetTarget(segment);
                }

                _demotedCount++;
            }
        }
    }
}
