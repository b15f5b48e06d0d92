using System.Globalization;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending.Reporting;

/// <summary>
/// Announces dropped events on the console at most once per interval: one line with how many were dropped since
/// the last line and the totals by reason, so a flood of drops can't flood the console too. The shutdown's own drops
/// are left to the shutdown's line, which tells those never sent from those in flight.
/// </summary>
internal sealed class DropReporter
{
    private readonly SenderCounters _counters;
    private readonly SenderOutput _output;
    private readonly TimeSpan _interval;
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private long _reported;

    public DropReporter(SenderCounters counters, SenderOutput output, TimeSpan interval)
    {
        _counters = counters;
        _output = output;
        _interval = interval;
    }

    /// <summary>Reports new drops if the interval has passed; <see cref="DateTimeOffset.MaxValue"/> forces it (shutdown).</summary>
    public void Report(DateTimeOffset now)
    {
        var total = _counters.TotalDropped - _counters.DroppedFor(DropReasons.UndeliveredAtShutdown) - _counters.DroppedFor(DropReasons.InFlightAtShutdown);
        if (total == _reported || now - _last < _interval)
        {
            return;
        }

        var reasons = string.Join(", ", _counters.Dropped.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        _output.Warning(string.Create(
            CultureInfo.InvariantCulture,
            $"MetaMock.JobLogging: {total - _reported} event(s) could not be sent to CloudWatch Logs since the last report (totals: {reasons})."));
        _reported = total;
        _last = now;
    }
}
