using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging;

/// <summary>
/// A view of the CloudWatch sender, from the service provider (<c>GetRequiredService&lt;MetaMockLoggingDiagnostics&gt;()</c>),
/// and <see cref="FlushAsync"/>. The same figures are published by the <c>MetaMock.JobLogging</c> meter. All zero when
/// CloudWatch is not in use, but <see cref="PlaceholdersWritten"/>.
/// </summary>
public sealed class MetaMockLoggingDiagnostics
{
    private readonly SenderCounters _counters;

    internal MetaMockLoggingDiagnostics(SenderCounters counters) => _counters = counters;

    /// <summary>The streams the sender currently knows (one per job with lines in flight or recently seen); idle ones are evicted.</summary>
    public IReadOnlyList<string> ActiveStreams => _counters.ActiveStreams;

    /// <summary>Events held for CloudWatch: queued, or sent and awaiting a successful answer.</summary>
    public long QueuedEvents => _counters.Queued.Events;

    /// <summary>Buffer bytes those events hold (two per message character, or the formatted line's UTF-8 size when larger, plus a fixed overhead per event).</summary>
    public long QueuedBytes => _counters.Queued.Bytes;

    /// <summary>Events CloudWatch accepted.</summary>
    public long EventsSent => _counters.Sent;

    /// <summary>Events written to the console instead of CloudWatch, once CloudWatch was given up (credentials missing or refused).</summary>
    public long EventsWrittenToConsole => _counters.WrittenToConsole;

    /// <summary>Events that reached neither CloudWatch nor the console, by reason (buffer_full, invalid_event, too_old, too_new, expired, format_failed, undelivered_at_shutdown, in_flight_at_shutdown, answer_lost, after_dispose).</summary>
    public IReadOnlyDictionary<string, long> DroppedByReason => _counters.Dropped;

    /// <summary>The sum of <see cref="DroppedByReason"/>.</summary>
    public long EventsDropped => _counters.TotalDropped;

    /// <summary>
    /// Placeholders written, on the console or for CloudWatch, where the application's code threw while a line was made
    /// (a value's or an exception's <c>ToString</c>, a message formatter): the line was kept with the placeholder.
    /// Counted in development too.
    /// </summary>
    public long PlaceholdersWritten => _counters.Placeholders;

    /// <summary>
    /// Events sent again after a put whose answer was lost (the endpoint may have stored the first copy): CloudWatch may
    /// hold these twice. Not part of the other counts, which count each event once.
    /// </summary>
    public long PossibleDuplicates => _counters.PossibleDuplicates;

    /// <summary>
    /// Events left unsettled in the spool by an earlier process and replayed by this one (delivery is at-least-once: a
    /// batch sent just before that process died may arrive twice). They add to the events this process logged.
    /// </summary>
    public long EventsReplayed => _counters.Replayed;

    /// <summary>
    /// Events this process could not deliver before its shutdown deadline that stay in its spool slot, for the next
    /// process on the spool directory to send. Not counted as dropped.
    /// </summary>
    public long EventsLeftInSpool => _counters.LeftInSpool;

    /// <summary>The last sending error (type and operation, never a credential), or null.</summary>
    public string? LastError => _counters.LastError?.Description;

    /// <summary>When <see cref="LastError"/> happened, or null.</summary>
    public DateTimeOffset? LastErrorTime => _counters.LastError?.Time;

    /// <summary>
    /// Sends what was logged before the call now, without waiting for the flush interval or disposing anything, and
    /// completes once each of those events was accepted by CloudWatch or counted (dropped, or written to the console).
    /// During an outage it keeps waiting (the sender keeps retrying): bound it with <paramref name="cancellationToken"/>.
    /// Completes at once when CloudWatch is not in use.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = _counters.Settled + _counters.Queued.Events;
        _counters.RequestRound();
        while (true)
        {
            // Taken before the check: progress made in between still wakes this flush.
            var progressed = _counters.NextProgress();
            if (_counters.Queued.Events == 0 || _counters.Settled >= target)
            {
                return;
            }

            await progressed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
