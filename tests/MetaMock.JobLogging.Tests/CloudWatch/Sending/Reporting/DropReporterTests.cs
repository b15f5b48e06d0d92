using MetaMock.JobLogging.CloudWatch.Sending.Reporting;
using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Reporting;

public sealed class DropReporterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Drops_are_announced_at_most_once_per_interval_with_the_new_count_and_the_totals()
    {
        using var counters = new SenderCounters();
        var warnings = new LockedWriter();
        var reporter = new DropReporter(counters, new SenderOutput(warnings, new LockedWriter()), TimeSpan.FromSeconds(30));

        counters.AddDropped("buffer_full", 5);
        reporter.Report(Start);
        counters.AddDropped("buffer_full", 10);
        reporter.Report(Start.AddSeconds(1));
        reporter.Report(Start.AddSeconds(29));
        counters.AddDropped("invalid_event", 1);
        reporter.Report(Start.AddSeconds(30));

        Assert.Equal(
            [
                "MetaMock.JobLogging: 5 event(s) could not be sent to CloudWatch Logs since the last report (totals: buffer_full=5).",
                "MetaMock.JobLogging: 11 event(s) could not be sent to CloudWatch Logs since the last report (totals: buffer_full=15, invalid_event=1).",
            ],
            warnings.Lines);
    }

    [Fact]
    public void Without_new_drops_nothing_is_announced()
    {
        using var counters = new SenderCounters();
        var warnings = new LockedWriter();
        var reporter = new DropReporter(counters, new SenderOutput(warnings, new LockedWriter()), TimeSpan.FromSeconds(30));

        reporter.Report(Start);
        reporter.Report(DateTimeOffset.MaxValue);

        Assert.Empty(warnings.Lines);
    }
}
