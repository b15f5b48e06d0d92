using MetaMock.JobLogging.CloudWatch.Sending.Intake;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;

namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// Cuts one stream's chronologically sorted events into PutLogEvents calls: each call at most
/// <see cref="BatchLimits.MaxEvents"/> events and <see cref="BatchLimits.MaxBytes"/> bytes (message bytes plus the
/// per-event overhead), spanning less than <see cref="BatchLimits.MaxSpan"/>. Order is kept.
/// </summary>
/// <remarks>
/// The calls of one stream are sent concurrently, and CloudWatch orders a stream's events by timestamp only. So a cut
/// that would fall inside a run of equal timestamps moves back to the start of that run when the run is short (at
/// most a tenth of the call): then no two calls share a millisecond and concurrent calls can't swap equal-time lines.
/// A longer run is cut where the limit falls; <see cref="SharesTimestampWithPrevious"/> then tells the sender to put
/// that call only after the previous one.
/// </remarks>
internal static class BatchCutter
{
    /// <summary>The calls, as ranges of <paramref name="sorted"/>. Every event must already fit alone (see <see cref="EventSplitter"/>).</summary>
    public static List<Range> Cut(ReadOnlySpan<PendingEvent> sorted, BatchLimits limits)
    {
        var batches = new List<Range>();
        var start = 0;
        long bytes = 0;
        var maxSpan = (long)limits.MaxSpan.TotalMilliseconds;
        for (var i = 0; i < sorted.Length; i++)
        {
            var size = (long)sorted[i].Utf8Bytes + limits.PerEventOverhead;
            var full = i - start >= limits.MaxEvents
                || bytes + size > limits.MaxBytes
                || sorted[i].Timestamp - sorted[start].Timestamp >= maxSpan;
            if (i > start && full)
            {
                var cut = TimestampBoundary(sorted, start, i);
                var carried = Bytes(sorted, cut, i, limits);
                if (carried + size > limits.MaxBytes)
                {
                    // The carried run and this event would not fit one call together: cut at the limit after all.
                    (cut, carried) = (i, 0);
                }

                batches.Add(new Range(start, cut));
                start = cut;
                bytes = carried;
            }

            bytes += size;
        }

        if (start < sorted.Length)
        {
            batches.Add(new Range(start, sorted.Length));
        }

        return batches;
    }

    /// <summary>True when the call starting at <paramref name="start"/> begins in the millisecond the previous call ended in.</summary>
    public static bool SharesTimestampWithPrevious(ReadOnlySpan<PendingEvent> sorted, int start) =>
        start > 0 && sorted[start].Timestamp == sorted[start - 1].Timestamp;

    private static long Bytes(ReadOnlySpan<PendingEvent> sorted, int from, int to, BatchLimits limits) =>
        PendingEvent.MessageBytes(sorted[from..to]) + ((long)(to - from) * limits.PerEventOverhead);

    // The first index of the run of equal timestamps that `limit` is in, if that run starts after `start` and within a
    // tenth of the call; else `limit` itself.
    private static int TimestampBoundary(ReadOnlySpan<PendingEvent> sorted, int start, int limit)
    {
        var timestamp = sorted[limit].Timestamp;
        var earliest = Math.Max(start + 1, limit - ((limit - start) / 10));
        for (var j = limit; j >= earliest; j--)
        {
            if (sorted[j - 1].Timestamp != timestamp)
            {
                return j;
            }
        }

        return limit;
    }
}
