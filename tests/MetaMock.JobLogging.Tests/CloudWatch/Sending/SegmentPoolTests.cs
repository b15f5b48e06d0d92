using System.Runtime.CompilerServices;
using MetaMock.JobLogging.CloudWatch.Sending;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending;

public sealed class SegmentPoolTests
{
    [Fact]
    public void Kept_segments_are_rented_again_last_returned_first()
    {
        var pool = new SegmentPool<int>();
        var (first, second) = (new QueueSegment<int>(), new QueueSegment<int>());
        pool.Return(first);
        pool.Return(second);

        Assert.Same(second, pool.Rent());
        Assert.Same(first, pool.Rent());
        Assert.Null(pool.Rent());
    }

    [Fact]
    public void A_trimmed_segment_still_alive_is_rented_again_before_anything_is_allocated()
    {
        var pool = new SegmentPool<int>();
        var segment = new QueueSegment<int>();
        pool.Return(segment);

        pool.TrimTo(0);

        Assert.Equal(0, pool.Count);
        Assert.Same(segment, pool.Rent()); // held by this test, so the collector could not take it
        Assert.Null(pool.Rent());
    }

    [Fact]
    public void A_trimmed_segment_is_left_to_the_garbage_collector()
    {
        var pool = new SegmentPool<int>();
        var weak = ReturnAndTrim(pool);

        Assert.Equal(0, Reachability.CountAliveAfterFullCollection([weak]));
        Assert.Null(pool.Rent());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ReturnAndTrim(SegmentPool<int> pool)
    {
        var segment = new QueueSegment<int>();
        pool.Return(segment);
        pool.TrimTo(0);
        return new WeakReference(segment);
    }
}
