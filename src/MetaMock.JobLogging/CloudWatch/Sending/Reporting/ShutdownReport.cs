using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.CloudWatch.Sending.Send;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending.Reporting;

/// <summary>
/// The shutdown's accounting, once the loop is over or past every deadline: whatever the buffer still counts never
/// reached CloudWatch and is counted as dropped, apart by whether it may have arrived, and said in one line; with a
/// spool, what was never sent stays in it for the next start, and is counted as left there, not as dropped. Drops not
/// yet announced go first, so no event is reported twice.
/// </summary>
internal sealed class ShutdownReport
{
    private readonly SenderCounters _counters;
    private readonly ILogEventBuffer _buffer;
    private readonly StreamTable _streams;
    private readonly DropReporter _drops;
    private readonly SendFailures _failures;
    private readonly bool _spooled;

    public ShutdownReport(SenderCounters counters, ILogEventBuffer buffer, StreamTable streams, DropReporter drops, SendFailures failures, bool spooled)
    {
        _spooled = spooled;
        _counters = counters;
        _buffer = buffer;
        _streams = streams;
        _drops = drops;
        _failures = failures;
    }

    /// <summary>
    /// Counts and reports what was not delivered. <paramref name="loopEnded"/> false: a loop stuck past every deadline
    /// still owns the streams, so their events are all counted as never sent.
    /// </summary>
    public void Report(bool loopEnded)
    {
        _drops.Report(DateTimeOffset.MaxValue);

        // Events whose answer was lost and were not sent again may have arrived: counted apart from those never sent.
        if (loopEnded)
        {
            foreach (var stream in _streams.WithPending())
            {
                StreamSender.SettleUnanswered(stream, _counters, _buffer);
            }
        }

        // Whatever is still counted in the buffer (queued, or pending in a stream) never reached CloudWatch. In a spool
        // its segments are not settled: they stay in the slot, and the next process on the directory replays them.
        var neverSent = _buffer.Events;
        if (neverSent > 0)
        {
            if (_spooled)
            {
                _counters.AddLeftInSpool(neverSent);
            }
            else
            {
                _counters.AddDropped(DropReasons.UndeliveredAtShutdown, neverSent);
            }

            _buffer.Release(neverSent, _buffer.Bytes);
        }

        _failures.ReportShutdown(neverSent, _counters.DroppedFor(DropReasons.InFlightAtShutdown), _spooled);
    }
}
