using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Sends one stream's pending events: sorts them (stable), cuts them into valid calls, puts each call, and settles
/// every event exactly once: sent, or dropped with a reason. A ResourceNotFoundException recreates the stream and
/// resends; an InvalidParameterException halves the call until the offending events are isolated and dropped alone.
/// Other failures propagate, leaving unsettled events pending for a later attempt.
/// </summary>
internal sealed class StreamSender
{
    private readonly ICloudWatchLogsClient _client;
    private readonly ResourceCreator _resources;
    private readonly SenderCounters _counters;
    private readonly ILogEventBuffer _buffer;
    private readonly BatchLimits _limits;

    public StreamSender(ICloudWatchLogsClient client, ResourceCreator resources, SenderCounters counters, ILogEventBuffer buffer, BatchLimits limits)
    {
        _client = client;
        _resources = resources;
        _counters = counters;
        _buffer = buffer;
        _limits = limits;
    }

    public async Task SendAsync(StreamState stream, CancellationToken cancellationToken)
    {
        // Sequence numbers are unique, so this (unstable) sort yields the one stable chronological order.
        stream.Pending.Sort(PendingEvent.Compare);
        try
        {
            await _resources.EnsureStreamAsync(stream, cancellationToken).ConfigureAwait(false);
            foreach (var range in BatchCutter.Cut(stream.Pending, _limits))
            {
                var (offset, length) = range.GetOffsetAndLength(stream.Pending.Count);
                await PutAsync(stream, stream.Pending.GetRange(offset, length), retryMissing: true, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            stream.Pending.RemoveAll(static e => e.Settled);
        }
    }

    private async Task PutAsync(StreamState stream, List<PendingEvent> batch, bool retryMissing, CancellationToken cancellationToken)
    {
        PutLogEventsResponse response;
        try
        {
            var events = batch.ConvertAll(static e => new InputLogEvent(e.Timestamp, e.Message));
            response = await _client.PutLogEventsAsync(
                new PutLogEventsRequest(stream.Address.Group, stream.Address.Stream, events), cancellationToken).ConfigureAwait(false);
        }
        catch (CloudWatchLogsException error) when (error.ErrorType == CloudWatchErrors.ResourceNotFound && retryMissing)
        {
            _resources.Forget(stream);
            await _resources.EnsureStreamAsync(stream, cancellationToken).ConfigureAwait(false);
            await PutAsync(stream, batch, retryMissing: false, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (CloudWatchLogsException error) when (error.ErrorType == CloudWatchErrors.InvalidParameter)
        {
            if (batch.Count == 1)
            {
                Settle(batch, DropReasons.InvalidEvent);
                return;
            }

            var half = batch.Count / 2;
            await PutAsync(stream, batch.GetRange(0, half), retryMissing, cancellationToken).ConfigureAwait(false);
            await PutAsync(stream, batch.GetRange(half, batch.Count - half), retryMissing, cancellationToken).ConfigureAwait(false);
            return;
        }

        Account(batch, response.RejectedLogEventsInfo);
    }

    private void Account(List<PendingEvent> batch, RejectedLogEventsInfo? rejected)
    {
        if (rejected is null)
        {
            Settle(batch, reason: null);
            return;
        }

        // AWS's indexes: too new from TooNewLogEventStartIndex on; too old / expired before their end index (exclusive).
        for (var i = 0; i < batch.Count; i++)
        {
            var reason = i >= (rejected.TooNewLogEventStartIndex ?? int.MaxValue) ? DropReasons.TooNew
                : i < (rejected.TooOldLogEventEndIndex ?? 0) ? DropReasons.TooOld
                : i < (rejected.ExpiredLogEventEndIndex ?? 0) ? DropReasons.Expired
                : null;
            Settle([batch[i]], reason);
        }
    }

    private void Settle(List<PendingEvent> events, string? reason)
    {
        foreach (var item in events)
        {
            item.Settled = true;
        }

        var (count, bytes) = PendingEvent.Total(events);
        if (reason is null)
        {
            _counters.AddSent((int)count);
        }
        else
        {
            _counters.AddDropped(reason, count);
        }

        _buffer.Release(count, bytes);
    }
}
