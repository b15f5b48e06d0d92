namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Cuts one stream's chronologically sorted events into PutLogEvents calls: each call at most
/// <see cref="BatchLimits.MaxEvents"/> events and <see cref="BatchLimits.MaxBytes"/> bytes (message bytes plus the
/// per-event overhead), spanning less than <see cref="BatchLimits.MaxSpan"/>. Order is kept.
/// </summary>
internal static class BatchCutter
{
    /// <summary>The calls, as ranges of <paramref name="sorted"/>. Every event must already fit alone (see <see cref="EventSplitter"/>).</summary>
    public static List<Range> Cut(IReadOnlyList<PendingEvent> sorted, BatchLimits limits)
    {
        var batches = new List<Range>();
        var start = 0;
        long bytes = 0;
        var maxSpan = (long)limits.MaxSpan.TotalMilliseconds;
        for (var i = 0; i < sorted.Count; i++)
        {
            var size = (long)sorted[i].Utf8Bytes + limits.PerEventOverhead;
            var full = i - start >= limits.MaxEvents
                || bytes + size > limits.MaxBytes
                || sorted[i].Timestamp - sorted[start].Timestamp >= maxSpan;
            if (i > start && full)
            {
                batches.Add(new Range(start, i));
                start = i;
                bytes = 0;
            }

            bytes += size;
        }

        if (start < sorted.Count)
        {
            batches.Add(new Range(start, sorted.Count));
        }

        return batches;
    }
}
