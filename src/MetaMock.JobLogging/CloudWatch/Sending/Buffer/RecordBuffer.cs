using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using MetaMock.JobLogging.CloudWatch.Records;

namespace MetaMock.JobLogging.CloudWatch.Sending.Buffer;

/// <summary>
/// The buffer between the log call and the sender: the log of segments the call encodes records into, and the one
/// owner of its accounting. An event counts against the event and byte limits from its append until its release
/// (delivered or dropped); the release also settles the spool segment it came from. The sender is woken, without a
/// wake-up per event, when a writer brings the total to <c>wakeAtEvents</c> and every <c>drainAtEvents</c> appends
/// (rounded down to a power of two, so the call tests it with a mask rather than a division), so records are formatted
/// and their memory segments reused long before the next send.
/// </summary>
/// <remarks>
/// The log call's cost is mostly its locked instructions and the cache lines it shares with the sender: an append takes
/// one increment and one add, on a cache line of their own; the events in the buffer are the appended ones plus the
/// replayed ones less the released ones, the last two written by the sender once per batch, not per event.
/// </remarks>
internal sealed class RecordBuffer : ILogEventBuffer
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(50);

    private readonly long _maxEvents;
    private readonly long _maxBytes;
    private readonly long _wakeAtEvents;
    private readonly long _drainAtEvents;
    private readonly long _drainMask;
    private readonly Action _wake;
    private readonly object _roomGate = new();
    // Spool segments with events handed to the streams and not yet settled, by epoch.
    private readonly ConcurrentDictionary<long, Segment> _segments = new();
    private readonly Action<Segment> _forget;
    private WriterCounters _writers;
    private long _released;
    private long _replayed;
    private long _read;
    private int _wakeArmed = 1;
    private int _waiters;
    private volatile bool _closed;
    private volatile bool _replaying;

    public RecordBuffer(SegmentLog log, long maxEvents, long maxBytes, long wakeAtEvents, long drainAtEvents, Action wake)
    {
        Log = log;
        _maxEvents = maxEvents;
        _maxBytes = maxBytes;
        _wakeAtEvents = Math.Max(1, wakeAtEvents);
        _drainAtEvents = 1L << System.Numerics.BitOperations.Log2((ulong)Math.Max(1, drainAtEvents));
        _drainMask = _drainAtEvents - 1;
        _wake = wake;
        _forget = segment => _segments.TryRemove(segment.Epoch, out _);
    }

    public SegmentLog Log { get; }

    /// <summary>Events counted against the limits: appended (reservations under way included) or replayed, not yet released.</summary>
    public long Events
    {
        get
        {
            // Released first: what is read after it is at least as new, so the difference is never below the truth.
            var released = Volatile.Read(ref _released);
            return Volatile.Read(ref _writers.Appended) + Volatile.Read(ref _replayed) - released;
        }
    }

    public long Bytes => Volatile.Read(ref _writers.Bytes);

    /// <summary>Spool segments with events handed to the streams, not yet released.</summary>
    public int TrackedSegments => _segments.Count;

    /// <summary>True once <see cref="Close"/> was called: no append is accepted any more.</summary>
    public bool IsClosed => _closed;

    // Replay goes on at once only while there is room: a large spool left behind must not outgrow the limits in memory.
    public bool HasBacklog => (_replaying && HasRoom) || Queued >= _drainAtEvents;

    /// <summary>
    /// At half of either limit (drained events count until they are released): the sender then sends everything early.
    /// </summary>
    public bool IsHalfFull => Events >= _maxEvents / 2 || Bytes >= _maxBytes / 2;

    /// <summary>Below both limits: replayed events may be taken in (they are never refused once read).</summary>
    public bool HasRoom => Events < _maxEvents && Bytes < _maxBytes;

    public long Queued => Appended - _read;

    /// <summary>Events appended since the start (with the reservations under way).</summary>
    public long Appended => Volatile.Read(ref _writers.Appended);

    /// <summary>
    /// Called by the log call; never does I/O. With <paramref name="waitForRoom"/>, blocks while full until there is
    /// room or the buffer is closed. <paramref name="placeholders"/>: values written as placeholders (their text threw).
    /// </summary>
    public BufferWriteResult Append(in LogEvent e, bool waitForRoom, out int placeholders)
    {
        placeholders = 0;
        while (true)
        {
            if (_closed)
            {
                return BufferWriteResult.Closed;
            }

            if (TryReserve(out var appended))
            {
                AppendResult result;
                int bytes;
                try
                {
                    result = Log.Append(e, out bytes, out placeholders);
                }
                catch (Exception)
                {
                    Interlocked.Decrement(ref _writers.Appended);
                    throw;
                }

                if (result == AppendResult.Accepted)
                {
                    Interlocked.Add(ref _writers.Bytes, bytes);
                    if ((appended & _drainMask) == 0)
                    {
                        _wake();
                    }

                    return BufferWriteResult.Accepted;
                }

                // No segment could take it (the memory or spool bound): the same as a full buffer.
                Interlocked.Decrement(ref _writers.Appended);
            }

            if (!waitForRoom)
            {
                return BufferWriteResult.Full;
            }

            WaitForRoom();
        }
    }

    /// <summary>The sender read <paramref name="events"/> appended events. Sender only.</summary>
    public void MarkRead(int events) => _read += events;

    /// <summary>A spool's left events are being replayed (they keep the sender going round, like a backlog).</summary>
    public void SetReplaying(bool replaying) => _replaying = replaying;

    /// <summary>An event replayed from the spool now counts against the limits, like one just logged (never refused).</summary>
    public void AddReplayed(long bytes)
    {
        Interlocked.Increment(ref _replayed);
        Interlocked.Add(ref _writers.Bytes, bytes);
    }

    /// <summary>
    /// Events from <paramref name="segment"/> are settled through <see cref="Release(in Settlement)"/>, by its epoch;
    /// it is forgotten when released, by a settle or by the reader passing its end.
    /// </summary>
    public void Track(Segment segment)
    {
        if (_segments.TryAdd(segment.Epoch, segment))
        {
            segment.WhenReleased(_forget);
        }
    }

    public void Charge(long bytes) => Interlocked.Add(ref _writers.Bytes, bytes);

    public void Release(long events, long bytes) => Release(Settlement.Of(events, bytes));

    public void Release(in Settlement settled)
    {
        foreach (var (epoch, events) in settled.Segments)
        {
            if (_segments.TryGetValue(epoch, out var segment))
            {
                segment.Settle(events);
            }
        }

        Interlocked.Add(ref _released, settled.Events);
        Interlocked.Add(ref _writers.Bytes, -settled.Bytes);
        if (Events < _wakeAtEvents)
        {
            Volatile.Write(ref _wakeArmed, 1);
        }

        NotifyRoom();
    }

    /// <summary>Room may have been made (a released event, a segment returned to its pool): waiting writers try again.</summary>
    public void NotifyRoom()
    {
        if (Volatile.Read(ref _waiters) > 0)
        {
            lock (_roomGate)
            {
                Monitor.PulseAll(_roomGate);
            }
        }
    }

    /// <summary>Refuses further appends, seals the current segment (so it is released once read and settled), wakes waiters.</summary>
    public void Close()
    {
        _closed = true;
        Log.SealCurrent();
        lock (_roomGate)
        {
            Monitor.PulseAll(_roomGate);
        }
    }

    private bool TryReserve(out long appended)
    {
        appended = Interlocked.Increment(ref _writers.Appended);
        var events = appended + Volatile.Read(ref _replayed) - Volatile.Read(ref _released);
        if (events > _maxEvents || Volatile.Read(ref _writers.Bytes) >= _maxBytes)
        {
            Interlocked.Decrement(ref _writers.Appended);
            return false;
        }

        // Once per climb to the threshold: armed again when a release takes the buffer below it.
        if (events >= _wakeAtEvents && Volatile.Read(ref _wakeArmed) == 1 && Interlocked.Exchange(ref _wakeArmed, 0) == 1)
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

    // What every append changes, alone on its cache line: the sender's per-batch writes and the fields every call reads
    // would otherwise make each append wait for the line to come back from the sender's core.
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct WriterCounters
    {
        [FieldOffset(64)]
        public long Appended;

        [FieldOffset(72)]
        public long Bytes;
    }
}
