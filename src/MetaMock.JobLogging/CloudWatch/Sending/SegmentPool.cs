namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Drained segments kept for reuse, so a sustained backlog allocates no new segment per 1,024 events; the queue trims it
/// to what its recent rounds needed, so a burst's segments are given back once the burst is over.
/// </summary>
/// <remarks>
/// A short lock: taken once per segment (1,024 events) by the producer that links a new one, and by the consumer.
/// </remarks>
internal sealed class SegmentPool<T>
    where T : struct
{
    private readonly Stack<QueueSegment<T>> _free = new();
    private readonly object _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _free.Count;
            }
        }
    }

    /// <summary>A cleared segment from the pool, or null when it is empty.</summary>
    public QueueSegment<T>? Rent()
    {
        lock (_gate)
        {
            return _free.TryPop(out var segment) ? segment : null;
        }
    }

    /// <summary>Keeps a segment whose slots the consumer has cleared.</summary>
    public void Return(QueueSegment<T> segment)
    {
        lock (_gate)
        {
            _free.Push(segment);
        }
    }

    /// <summary>Lets go of all but <paramref name="keep"/> segments (the garbage collector takes them).</summary>
    public void TrimTo(int keep)
    {
        lock (_gate)
        {
            while (_free.Count > keep)
            {
                _free.Pop();
            }
        }
    }
}
