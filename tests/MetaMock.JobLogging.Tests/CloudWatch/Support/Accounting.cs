namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>The diagnostics' books: every event logged is sent, written to the console, dropped for a reason, or still queued.</summary>
public static class Accounting
{
    public static void AssertAddsUp(MetaMockLoggingDiagnostics diagnostics, long emitted)
    {
        var sent = diagnostics.EventsSent;
        var console = diagnostics.EventsWrittenToConsole;
        var dropped = diagnostics.DroppedByReason;
        var queued = diagnostics.QueuedEvents;
        var accounted = sent + console + dropped.Values.Sum() + queued;
        Assert.True(
            accounted == emitted,
            $"emitted {emitted} != sent {sent} + console {console} + dropped {dropped.Values.Sum()} ({string.Join(", ", dropped.Select(p => $"{p.Key}={p.Value}"))}) + queued {queued} = {accounted}");
    }
}
