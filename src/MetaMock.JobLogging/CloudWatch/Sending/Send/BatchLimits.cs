namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// PutLogEvents' rules for one call: event count, bytes (UTF-8 message bytes plus a fixed overhead per event) and the
/// time span the events may cover. A record so tests can cut with small limits.
/// </summary>
internal sealed record BatchLimits(int MaxEvents, int MaxBytes, int PerEventOverhead, TimeSpan MaxSpan)
{
    public static BatchLimits CloudWatch { get; } = new(10_000, 1_048_576, 26, TimeSpan.FromHours(24));

    /// <summary>The most UTF-8 bytes one message may have: a lone event must fit a call (1,048,550 for CloudWatch).</summary>
    public int MaxMessageBytes => MaxBytes - PerEventOverhead;

    /// <summary>
    /// True when events of these totals make a full call: the most events, or within a sixteenth of the most bytes (the
    /// next message may not fit the rest). Sending early only what is full keeps calls full under sustained load.
    /// </summary>
    public bool IsFullCall(long events, long messageBytes) =>
        events >= MaxEvents || messageBytes + (events * PerEventOverhead) >= MaxBytes - (MaxBytes / 16);
}
