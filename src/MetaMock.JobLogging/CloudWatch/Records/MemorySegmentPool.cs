using System.Collections.Concurrent;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Memory segments of one size, pinned and reused, at most <c>maxSegments</c> alive at once (the memory bound), plus one
/// spare that the sender allocates ahead while the log is busy. A record larger than a segment gets a segment of its own
/// size, not pooled.
/// </summary>
/// <remarks>
/// The spare is there for the log call: a fresh megabyte is zeroed and faulted in page by page, which on the call that
/// rolls over costs as much as thousands of calls; the sender pays it instead, between drains.
/// </remarks>
internal sealed class MemorySegmentPool : ISegmentSource
{
    /// <summary>The default segment size: big enough that a roll-over is rare, small enough that an idle process holds little.</summary>
    public const int DefaultCapacity = 1024 * 1024;

    // Arrays kept for reuse beyond the ones in use: enough to roll over without allocating, few enough not to hoard.
    private const int MaxIdle = 4;

    // Held weakly: a busy log reuses them between full collections, and a quiet one gives them back at the next, so a
    // burst does not leave megabytes of pinned arrays behind in a process at rest.
    private readonly ConcurrentBag<WeakReference<byte[]>> _idle = [];
    private readonly int _maxSegments;
    private byte[]? _spare;
    private int _live;

    public MemorySegmentPool(int capacity = DefaultCapacity, int maxSegments = int.MaxValue)
    {
        Capacity = capacity;
        _maxSegments = maxSegments;
    }

    public int Capacity { get; }

    /// <summary>Segments handed out and not yet returned.</summary>
    public int Live => Volatile.Read(ref _live);

    /// <summary>Arrays waiting for reuse, not yet collected.</summary>
    public int Idle => _idle.Count(static weak => weak.TryGetTarget(out _));

    public Segment? Next(int minCapacity)
    {
        if (Interlocked.Increment(ref _live) > _maxSegments)
        {
            Interlocked.Decrement(ref _live);
            return null;
        }

        if (minCapacity > Capacity)
        {
            return new MemorySegment(GC.AllocateArray<byte>(Round(minCapacity), pinned: true), this);
        }

        return new MemorySegment(Interlocked.Exchange(ref _spare, null) ?? IdleOrNew(), this);
    }

    /// <summary>
    /// While the log is busy, keeps a spare array ready for the next roll-over; once it is quiet, holds it only weakly,
    /// like the idle ones. Called by the sender only: writers only ever take the spare, so no one else sets it.
    /// </summary>
    public void Prepare(bool active)
    {
        if (!active)
        {
            if (Interlocked.Exchange(ref _spare, null) is { } unused)
            {
                HoldWeakly(unused);
            }
        }
        else if (Volatile.Read(ref _spare) is null && Live < _maxSegments)
        {
            Volatile.Write(ref _spare, IdleOrNew());
        }
    }

    /// <summary>True while a spare array is ready for the next roll-over.</summary>
    public bool HasSpare => Volatile.Read(ref _spare) is not null;

    /// <summary>A settled segment: its array, cleared of frames (an unwritten length must read as zero), waits for reuse.</summary>
    public void Return(MemorySegment segment)
    {
        Interlocked.Decrement(ref _live);
        var array = segment.Array;
        if (array.Length == Capacity && Idle < MaxIdle)
        {
            System.Array.Clear(array, 0, segment.Used);
            HoldWeakly(array);
        }
    }

    private void HoldWeakly(byte[] array) => _idle.Add(new WeakReference<byte[]>(array));

    private byte[] IdleOrNew() => TakeIdle() ?? GC.AllocateArray<byte>(Capacity, pinned: true);

    private byte[]? TakeIdle()
    {
        while (_idle.TryTake(out var weak))
        {
            if (weak.TryGetTarget(out var array))
            {
                return array;
            }
        }

        return null;
    }

    private static int Round(int size) => checked((size + 65535) & ~65535);
}

