using System.Collections.Concurrent;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Memory segments of one size, pinned and reused, at most <c>maxSegments</c> alive at once (the memory bound). A record
/// larger than a segment gets a segment of its own size, not pooled.
/// </summary>
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

        return new MemorySegment(TakeIdle() ?? GC.AllocateArray<byte>(Capacity, pinned: true), this);
    }

    /// <summary>A settled segment: its array, cleared of frames (an unwritten length must read as zero), waits for reuse.</summary>
    public void Return(MemorySegment segment)
    {
        Interlocked.Decrement(ref _live);
        var array = segment.Array;
        if (array.Length == Capacity && Idle < MaxIdle)
        {
            System.Array.Clear(array, 0, segment.Used);
            _idle.Add(new WeakReference<byte[]>(array));
        }
    }

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

