using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Sends one stream's pending events: sorts them (stable), cuts them into valid calls (see <see cref="SendRound"/> for
/// how the calls are scheduled), puts each call, and settles every event exactly once: sent, or dropped with a reason. A ResourceNotFoundException recreates the stream and
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
    private readonly MessageStore _store;

    public StreamSender(ICloudWatchLogsClient client, ResourceCreator resources, SenderCounters counters, ILogEventBuffer buffer, BatchLimits limits, MessageStore store)
    {
        _client = client;
        _store = store;
        _resources = resources;
        _counters = counters;
        _buffer = buffer;
        _limits = limits;
    }

    /// <summary>
    /// Sorts the stream's pending events (stable: sequence numbers are unique) and cuts them into calls. With
    /// <paramref name="fullCallsOnly"/> (an early send), the last call is left pending unless it is full: it waits for
    /// more events or the flush interval, so early sends stay full calls.
    /// </summary>
    public List<PutCall> Plan(StreamState stream, bool fullCallsOnly)
    {
        stream.Pending.Sort();
        var sorted = stream.Pending.AsSpan();
        var calls = new List<PutCall>();
        var ranges = BatchCutter.Cut(sorted, _limits);
        if (fullCallsOnly && ranges.Count > 0 && !IsFull(sorted[ranges[^1]], _limits))
        {
            ranges.RemoveAt(ranges.Count - 1);
        }

        foreach (var range in ranges)
        {
            var (offset, length) = range.GetOffsetAndLength(sorted.Length);
            calls.Add(new PutCall(stream, new PendingBatch(stream, _store, offset, length), BatchCutter.SharesTimestampWithPrevious(sorted, offset)));
        }

        return calls;
    }

    private static bool IsFull(ReadOnlySpan<PendingEvent> call, BatchLimits limits) =>
        limits.IsFullCall(call.Length, PendingEvent.MessageBytes(call));

    public Task EnsureStreamAsync(StreamState stream, CancellationToken cancellationToken) => _resources.EnsureStreamAsync(stream, cancellationToken);

    /// <summary>Puts one call and settles its events; failures other than the handled ones propagate, the events stay pending.</summary>
    public Task PutAsync(PutCall call, CancellationToken cancellationToken) => PutAsync(call.Stream, call.Events, retryMissing: true, cancellationToken);

    /// <summary>After a round: what was delivered or dropped leaves the stream; the rest waits for the next round.</summary>
    public static void Complete(StreamState stream) => stream.Pending.RemoveSettled();

    private async Task PutAsync(StreamState stream, PendingBatch batch, bool retryMissing, CancellationToken cancellationToken)
    {
        PutLogEventsResponse response;
        try
        {
            response = await _client.PutLogEventsAsync(batch, cancellationToken).ConfigureAwait(false);
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
            await PutAsync(stream, batch.Slice(0, half), retryMissing, cancellationToken).ConfigureAwait(false);
            await PutAsync(stream, batch.Slice(half, batch.Count - half), retryMissing, cancellationToken).ConfigureAwait(false);
            return;
        }

        Account(batch, response.RejectedLogEventsInfo);
    }

    private void Account(PendingBatch batch, RejectedLogEventsInfo? rejected)
    {
        var events = batch.Events;
        if (rejected is null)
        {
            Settle(events, reason: null);
            return;
        }

        // AWS's indexes: too new from TooNewLogEventStartIndex on; too old / expired before their end index (exclusive).
        for (var i = 0; i < events.Length; i++)
        {
            var reason = i >= (rejected.TooNewLogEventStartIndex ?? int.MaxValue) ? DropReasons.TooNew
                : i < (rejected.TooOldLogEventEndIndex ?? 0) ? DropReasons.TooOld
                : i < (rejected.ExpiredLogEventEndIndex ?? 0) ? DropReasons.Expired
                : null;
            Settle(events.Slice(i, 1), reason);
        }
    }

    private void Settle(PendingBatch batch, string? reason) => Settle(batch.Events, reason);

    private void Settle(Span<PendingEvent> events, string? reason)
    {
        foreach (ref var item in events)
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
