using CsCheck;
using MetaMock.JobLogging.CloudWatch.Sending.Send;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Send;

public sealed class BatchCutterTests
{
    private static readonly Gen<BatchLimits> SmallLimits =
        Gen.Select(Gen.Int[1, 12], Gen.Int[60, 400], Gen.Long[1, 5_000])
            .Select((events, bytes, span) => new BatchLimits(events, bytes, 26, TimeSpan.FromMilliseconds(span)));

    [Fact]
    public void Every_batch_obeys_count_bytes_and_span_and_together_they_keep_every_event_in_order() =>
        Gen.Select(SmallLimits, Gen.Select(Gen.Int[0, 34], Gen.Long[0, 3_000]).Array[0, 200]).Sample((limits, raw) =>
        {
            var events = Sorted(raw.Select(r => (Bytes: r.Item1, Gap: r.Item2)).ToList());

            var batches = BatchCutter.Cut(events, limits);

            var joined = batches.SelectMany(b => events.Take(b)).ToList();
            Assert.Equal(events, joined);
            foreach (var range in batches)
            {
                var batch = events.Take(range).ToList();
                Assert.NotEmpty(batch);
                Assert.True(batch.Count <= limits.MaxEvents);
                Assert.True(batch.Sum(e => e.Utf8Bytes + 26L) <= limits.MaxBytes);
                Assert.True(batch[^1].Timestamp - batch[0].Timestamp < limits.MaxSpan.TotalMilliseconds);
            }
        }, iter: 500);

    [Fact]
    public void Ten_thousand_and_one_small_events_take_two_calls()
    {
        var events = Enumerable.Range(0, 10_001).Select(i => new PendingEvent(1_000, (0, 0, 1), 1, 1)).ToArray();

        var batches = BatchCutter.Cut(events, BatchLimits.CloudWatch);

        Assert.Equal([10_000, 1], batches.Select(b => b.GetOffsetAndLength(events.Length).Length));
    }

    [Fact]
    public void The_byte_limit_counts_26_bytes_per_event()
    {
        // 1,048,576 / (1,000 + 26) = 1,022.0: 1,022 events of 1,000 bytes fit one call (1,048,572 bytes), 1,023 do not.
        var events = Enumerable.Range(0, 1_023).Select(i => new PendingEvent(1_000, (0, 0, 1_000), 1, 1)).ToArray();

        var batches = BatchCutter.Cut(events, BatchLimits.CloudWatch);

        Assert.Equal([1_022, 1], batches.Select(b => b.GetOffsetAndLength(events.Length).Length));
    }

    [Fact]
    public void Events_a_day_apart_go_to_separate_calls()
    {
        var day = (long)TimeSpan.FromHours(24).TotalMilliseconds;
        var events = new[] { 0L, day - 1, day }.Select(t => new PendingEvent(t, (0, 0, 1), 1, 1)).ToArray();

        var batches = BatchCutter.Cut(events, BatchLimits.CloudWatch);

        Assert.Equal([2, 1], batches.Select(b => b.GetOffsetAndLength(events.Length).Length));
    }

    [Fact]
    public void A_cut_inside_a_short_run_of_equal_timestamps_moves_back_so_no_two_calls_share_a_millisecond()
    {
        // 10 events fit a call; events 9..11 share one millisecond. The cut moves from 10 back to 9 (within a tenth).
        var events = Enumerable.Range(0, 12).Select(i => new PendingEvent(i < 9 ? i : 9, (0, 0, 1), 1, 1)).ToArray();

        var batches = BatchCutter.Cut(events, new BatchLimits(10, 1_000, 26, TimeSpan.FromHours(24)));

        Assert.Equal([9, 3], batches.Select(b => b.GetOffsetAndLength(events.Length).Length));
        Assert.False(BatchCutter.SharesTimestampWithPrevious(events, 9));
    }

    [Fact]
    public void A_run_of_equal_timestamps_longer_than_a_tenth_of_a_call_is_cut_at_the_limit_and_flagged()
    {
        var events = Enumerable.Range(0, 12).Select(i => new PendingEvent(i < 5 ? i : 5, (0, 0, 1), 1, 1)).ToArray();

        var batches = BatchCutter.Cut(events, new BatchLimits(10, 1_000, 26, TimeSpan.FromHours(24)));

        Assert.Equal([10, 2], batches.Select(b => b.GetOffsetAndLength(events.Length).Length));
        Assert.True(BatchCutter.SharesTimestampWithPrevious(events, 10));
    }

    private static PendingEvent[] Sorted(List<(int Bytes, long Gap)> raw)
    {
        var time = 1_700_000_000_000L;
        return raw.Select(r => new PendingEvent(time += r.Gap, (0, 0, r.Bytes), 1, r.Bytes)).ToArray();
    }
}
