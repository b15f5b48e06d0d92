using System.Runtime.CompilerServices;
using MetaMock.JobLogging.CloudWatch.Records;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records;

public sealed class MemorySegmentPoolTests
{
    [Fact]
    public void A_settled_segment_waits_for_reuse_until_a_full_collection_gives_its_array_back()
    {
        var pool = new MemorySegmentPool(capacity: 64 * 1024);
        UseAndRelease(pool);

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);

        Assert.Equal(0, pool.Idle);
        Assert.NotNull(pool.Next(0));
        Assert.Equal(1, pool.Live);
    }

    [Fact]
    public void A_settled_segment_still_alive_is_reused_cleared()
    {
        var pool = new MemorySegmentPool(capacity: 64 * 1024);
        var first = (MemorySegment)pool.Next(0)!;
        Assert.True(first.TryReserve(16, out var frame));
        frame.Fill(0xFF);
        Release(first);

        // The test's own reference keeps the array alive, as a busy log's next roll-over comes before a full collection.
        var second = (MemorySegment)pool.Next(0)!;

        Assert.Same(first.Array, second.Array);
        Assert.All(second.Array.AsSpan(0, 16).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void While_the_log_is_busy_the_roll_over_takes_the_spare_the_sender_prepared_and_allocates_nothing()
    {
        var pool = new MemorySegmentPool(capacity: 256 * 1024);
        pool.Prepare(active: true);
        Assert.True(pool.HasSpare);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var segment = pool.Next(0);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotNull(segment);
        Assert.False(pool.HasSpare);
        // The segment object only, not its 256 KB array.
        Assert.InRange(allocated, 1, 1_024);
    }

    [Fact]
    public void Without_a_spare_the_roll_over_allocates_its_array()
    {
        var pool = new MemorySegmentPool(capacity: 256 * 1024);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.NotNull(pool.Next(0));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before >= 256 * 1024);
    }

    [Fact]
    public void Once_the_log_is_quiet_the_spare_is_held_weakly_and_a_full_collection_gives_it_back()
    {
        var pool = new MemorySegmentPool(capacity: 64 * 1024);
        pool.Prepare(active: true);

        pool.Prepare(active: false);
        var spareAfterQuietDrain = pool.HasSpare;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.NotNull(pool.Next(0));

        Assert.False(spareAfterQuietDrain);
        // Nothing held it strongly: the roll-over after the collection allocates a new array.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before >= 64 * 1024);
    }

    [Fact]
    public void No_spare_is_prepared_while_every_segment_the_bound_allows_is_in_use()
    {
        var pool = new MemorySegmentPool(capacity: 64 * 1024, maxSegments: 1);
        Assert.NotNull(pool.Next(0));

        pool.Prepare(active: true);

        Assert.False(pool.HasSpare);
    }

    // Its own frame, so no local outlives it: once it returns, only the pool knows the array.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UseAndRelease(MemorySegmentPool pool)
    {
        var segment = pool.Next(0)!;
        Release(segment);
        Assert.Equal(1, pool.Idle);
        Assert.Equal(0, pool.Live);
    }

    private static void Release(Segment segment)
    {
        segment.Seal();
        segment.MarkFullyRead();
    }
}
