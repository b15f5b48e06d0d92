namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// PutLogEvents' rules for one call: event count, bytes (UTF-8 message bytes plus a fixed overhead per event) and the
/// time span the events may cover. A record so tests can cut with small limits.
/// </summary>
internal sealed record BatchLimits(int MaxEvents, int MaxBytes, int PerEventOverhead, TimeSpan MaxSpan)
{
    public static BatchLimits CloudWatch { get; } = new(10_000, 1_048_576, 26, TimeSpan.FromHours(24));

    /// <summary>The most UTF-8 bytes one message may have: a lone event must fit a call (1,048,550 for CloudWatch).</summary>
    public int MaxMessageBytes => MaxBytes - PerEventOverhead;
}
