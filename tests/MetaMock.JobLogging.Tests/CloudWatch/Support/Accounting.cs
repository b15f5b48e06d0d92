namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>
/// The diagnostics' books: every event logged is sent, written to the console, dropped for a reason, still queued, or
/// left in the spool at shutdown for the next start.
/// </summary>
public static class Accounting
{
    /// <summary>
    /// Events lost at shutdown, whether the deadline found them waiting between retries (never sent) or inside a call
    /// (in flight): where a deadline falls on a loaded machine decides the split, not the behaviour under test.
    /// </summary>
    public static long DroppedAtShutdown(MetaMockLoggingDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var dropped = diagnostics.DroppedByReason;
        return dropped.GetValueOrDefault("undelivered_at_shutdown") + dropped.GetValueOrDefault("in_flight_at_shutdown");
    }

    public static void AssertAddsUp(MetaMockLoggingDiagnostics diagnostics, long emitted)
    {
        var sent = diagnostics.EventsSent;
        var console = diagnostics.EventsWrittenToConsole;
        var dropped = diagnostics.DroppedByReason;
        var queued = diagnostics.QueuedEvents;
        var left = diagnostics.EventsLeftInSpool;
        var accounted = sent + console + dropped.Values.Sum() + queued + left;
        Assert.True(
            accounted == emitted,
            $"emitted {emitted} != sent {sent} + console {console} + dropped {dropped.Values.Sum()} ({string.Join(", ", dropped.Select(p => $"{p.Key}={p.Value}"))}) + queued {queued} + left in the spool {left} = {accounted}");
    }
}
