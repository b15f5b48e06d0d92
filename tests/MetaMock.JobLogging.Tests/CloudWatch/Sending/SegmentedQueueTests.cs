using System.Runtime.CompilerServices;
using MetaMock.JobLogging.CloudWatch.Sending;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending;

public sealed class SegmentedQueueTests
{
    private const int Size = QueueSegment<int>.Size;

    [Fact]
    public void Items_come_out_oldest_first_across_many_segments_whatever_the_chunk_size()
    {
        var queue = new SegmentedQueue<int>();
        var count = (5 * Size) + 17;
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(i);
        }

        var taken = new List<int>();
        while (queue.DequeueInto(taken, 333) > 0)
        {
        }

        Assert.Equal(Enumerable.Range(0, count), taken);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void A_call_takes_at_most_max_and_leaves_the_rest_counted()
    {
        var queue = new SegmentedQueue<int>();
        for (var i = 0; i < Size + 10; i++)
        {
            queue.Enqueue(i);
        }

        var taken = new List<int>();
        var first = queue.DequeueInto(taken, Size - 5);

        Assert.Equal(Size - 5, first);
        Assert.Equal(15, queue.Count);
        Assert.Equal(15, queue.DequeueInto(taken, int.MaxValue));
        Assert.Equal(Enumerable.Range(0, Size + 10), taken);
    }

    [Fact]
    public async Task Eight_writers_and_one_reader_lose_and_duplicate_nothing_and_keep_each_writers_order()
    {
        const int writers = 8;
        const int perWriter = 50_000;
        var queue = new SegmentedQueue<(int Writer, int Sequence)>();
        using var start = new ManualResetEventSlim();
        var writing = Enumerable.Range(0, writers).Select(w => Task.Factory.StartNew(
            () =>
            {
                start.Wait();
                for (var i = 0; i < perWriter; i++)
                {
                    queue.Enqueue((w, i));
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();

        var next = new int[writers];
        var received = 0;
        var chunk = new List<(int Writer, int Sequence)>();
        start.Set();
        while (received < writers * perWriter)
        {
            chunk.Clear();
            if (queue.DequeueInto(chunk, 4_096) == 0)
            {
                Thread.Yield();
            }

            foreach (var (writer, sequence) in chunk)
            {
                // Each writer's next item is exactly the one after its last: a loss, a duplicate or a reorder fails here.
                Assert.Equal(next[writer], sequence);
                next[writer]++;
            }

            received += chunk.Count;
        }

        await Task.WhenAll(writing);
        Assert.All(next, n => Assert.Equal(perWriter, n));
        Assert.Equal(0, queue.DequeueInto(chunk, int.MaxValue));
    }

    [Fact]
    public void After_a_burst_is_drained_a_quiet_round_lets_the_garbage_collector_take_all_but_a_few_segments()
    {
        var queue = new SegmentedQueue<int>();
        var burst = FillAndTrack(queue, 100 * Size);
        var taken = new List<int>();
        while (queue.DequeueInto(taken, 8_192) == 8_192)
        {
            taken.Clear();
        }

        var keptForTheNextRound = Reachability.CountAliveAfterFullCollection(burst);
        queue.DequeueInto(taken, 8_192); // a quiet round: nothing queued
        var keptWhenQuiet = Reachability.CountAliveAfterFullCollection(burst);

        // The busy round keeps its segments pooled for the next round; a quiet round keeps the tail and the idle spares.
        Assert.True(keptForTheNextRound >= 99, $"{keptForTheNextRound} alive after the busy round");
        Assert.True(keptWhenQuiet <= SegmentedQueue<int>.IdleSegments + 1, $"{keptWhenQuiet} alive after a quiet round");
    }

    [Fact]
    public void A_second_burst_of_the_same_size_reuses_the_first_bursts_segments()
    {
        var queue = new SegmentedQueue<long>();
        var taken = new List<long>(20 * Size);
        var first = AllocatedBy(() => Burst(queue, taken));

        var second = AllocatedBy(() => Burst(queue, taken));

        // A segment is 1,024 x 16 B here. The first burst allocates its twenty; the second finds all but the one that was
        // still the tail in the pool.
        Assert.True(first >= 19 * Size * 16, $"first burst: {first} bytes");
        Assert.True(second < 2 * Size * 16, $"second burst: {second} bytes");
    }

    [Fact]
    public void A_drained_slot_no_longer_holds_the_items_references()
    {
        var queue = new SegmentedQueue<Holder>();
        var weak = EnqueueAndDrain(queue);

        Assert.Equal(0, Reachability.CountAliveAfterFullCollection([weak]));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> FillAndTrack(SegmentedQueue<int> queue, int count)
    {
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(i);
        }

        return queue.LinkedSegments().ConvertAll(segment => new WeakReference(segment));
    }

    private static long AllocatedBy(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Burst(SegmentedQueue<long> queue, List<long> taken)
    {
        for (var i = 0; i < 20 * Size; i++)
        {
            queue.Enqueue(i);
        }

        taken.Clear();
        queue.DequeueInto(taken, int.MaxValue);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference EnqueueAndDrain(SegmentedQueue<Holder> queue)
    {
        var payload = new object();
        queue.Enqueue(new Holder(payload));
        queue.DequeueInto([], int.MaxValue);
        return new WeakReference(payload);
    }

    private readonly record struct Holder(object Payload);
}
