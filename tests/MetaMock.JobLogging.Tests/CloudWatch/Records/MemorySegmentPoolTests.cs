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
