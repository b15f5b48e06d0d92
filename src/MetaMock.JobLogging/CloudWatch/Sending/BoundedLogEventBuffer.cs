namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// The in-memory buffer: a lock-free queue plus two interlocked counters checked against the event and byte limits.
/// The sender is woken, without a wake-up per event, when a writer brings the total to <c>wakeAtEvents</c> (the sender
/// may have to send early to protect the limits), and when a writer opens a queue segment while at least
/// <c>drainAtEvents</c> are queued undrained: the sender then drains them (formats them into its store) long before it
/// sends, so the log call's strings die young instead of waiting a flush interval and surviving collections.
/// </summary>
/// <remarks>
/// The queue is made of fixed 1,024-slot segments that are reused, then given back once a burst is over, so the memory a
/// burst leaves behind does not depend on its size (a <c>ConcurrentQueue</c> keeps its last, largest segment: 8 MB
/// after 100,000 queued events). <see cref="HasBacklog"/> and <see cref="Drain"/> are for the one sender loop.
/// </remarks>
internal sealed class BoundedLogEventBuffer : ILogEventBuffer
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(50);

    private readonly SegmentedQueue<CapturedEvent> _queue = new();
    private readonly long _maxEvents;
    private readonly long _maxBytes;
    private readonly long _wakeAtEvents;
    private readonly long _drainAtEvents;
    private readonly Action _wake;
    private readonly object _roomGate = new();
    private long _events;
    private long _bytes;
    private int _waiters;
    private volatile bool _closed;

    public BoundedLogEventBuffer(long maxEvents, long maxBytes, long wakeAtEvents, long drainAtEvents, Action wake)
    {
        _maxEvents = maxEvents;
        _maxBytes = maxBytes;
        _wakeAtEvents = Math.Max(1, wakeAtEvents);
        _drainAtEvents = Math.Max(1, drainAtEvents);
        _wake = wake;
    }

    public long Events => Interlocked.Read(ref _events);

    public long Bytes => Interlocked.Read(ref _bytes);

    public bool HasBacklog => _queue.Count >= _drainAtEvents;

    public long Queued => _queue.Count;

    public BufferWriteResult TryWrite(in CapturedEvent item, bool waitForRoom)
    {
        while (true)
        {
            if (_closed)
            {
                return BufferWriteResult.Closed;
            }

            if (TryReserve(item.BufferBytes))
            {
                // Checked only by the write that opens a segment (one in 1,024); the others pay for one test of a flag.
                if (_queue.Enqueue(item) && _queue.Backlog >= _drainAtEvents)
                {
                    _wake();
                }

                return BufferWriteResult.Accepted;
            }

            if (!waitForRoom)
            {
                return BufferWriteResult.Full;
            }

            WaitForRoom();
        }
    }

    public int Drain(List<CapturedEvent> into, int max)
    {
        // Only what is queued now: chasing a writer to an empty queue would make both threads bounce the same slots'
        // cache lines on every event; what arrives meanwhile waits for the next round, which comes at once if it is a backlog.
        return _queue.DequeueInto(into, max);
    }

    public void Charge(long bytes) => Interlocked.Add(ref _bytes, bytes);

    public void Release(long events, long bytes)
    {
        Interlocked.Add(ref _events, -events);
        Interlocked.Add(ref _bytes, -bytes);
        if (Volatile.Read(ref _waiters) > 0)
        {
            lock (_roomGate)
            {
                Monitor.PulseAll(_roomGate);
            }
        }
    }

    public void Close()
    {
        _closed = true;
        lock (_roomGate)
        {
            Monitor.PulseAll(_roomGate);
        }
    }

    private bool TryReserve(long bytes)
    {
        var events = Interlocked.Increment(ref _events);
        var total = Interlocked.Add(ref _bytes, bytes);
        if (events > _maxEvents || total > _maxBytes)
        {
            Interlocked.Decrement(ref _events);
            Interlocked.Add(ref _bytes, -bytes);
            return false;
        }

        if (events == _wakeAtEvents)
        {
            _wake();
        }

        return true;
    }

    private void WaitForRoom()
    {
        // A waiting writer means the sender should drain now rather than at the next tick.
        _wake();
        Interlocked.Increment(ref _waiters);
        try
        {
            lock (_roomGate)
            {
                // Bounded slices: a release racing with this check is picked up on the next slice at the latest.
                Monitor.Wait(_roomGate, WaitSlice);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }
}
