using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// Sends one stream's pending events: sorts them (stable), cuts them into valid calls (see <see cref="SendRound"/> for
/// how the calls are scheduled), puts each call, and settles every event exactly once: sent, or dropped with a reason.
/// It puts first and creates the stream (and group) only on ResourceNotFoundException, then resends: a fleet touching
/// streams that exist makes no CreateLogStream call at all. An InvalidParameterException halves the call until the
/// offending events are isolated and dropped alone. A call whose answer was lost marks its events (see
/// <see cref="PendingEvent.AnswerLost"/>) and fails, so they go once more in a later round; an event whose answer is
/// lost a second time is not sent a third time (<see cref="DropReasons.AnswerLost"/>), so no event is stored more than
/// twice. Every copy that may be a second one is counted as a possible duplicate. Other failures propagate, leaving
/// unsettled events pending for a later attempt.
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

        PutCall? previous = null;
        foreach (var range in ranges)
        {
            var (offset, length) = range.GetOffsetAndLength(sorted.Length);
            var chained = !stream.Created || BatchCutter.SharesTimestampWithPrevious(sorted, offset);
            previous = new PutCall(stream, new PendingBatch(stream, _store, offset, length), chained ? previous : null);
            calls.Add(previous);
        }

        return calls;
    }

    private static bool IsFull(ReadOnlySpan<PendingEvent> call, BatchLimits limits) =>
        limits.IsFullCall(call.Length, PendingEvent.MessageBytes(call));

    /// <summary>Puts one call and settles its events; failures other than the handled ones propagate, the events stay pending.</summary>
    public Task PutAsync(PutCall call, CancellationToken cancellationToken) => PutAsync(call.Stream, call.Events, retryMissing: true, cancellationToken);

    /// <summary>After a round: what was delivered or dropped leaves the stream; the rest waits for the next round.</summary>
    public static void Complete(StreamState stream) => stream.Pending.RemoveSettled();

    /// <summary>
    /// At shutdown: events whose last put lost its answer may be stored already, so they are counted apart from those
    /// never sent (<see cref="DropReasons.InFlightAtShutdown"/>). Returns how many.
    /// </summary>
    public static long SettleUnanswered(StreamState stream, SenderCounters counters, ILogEventBuffer buffer)
    {
        var settled = default(Settlement);
        foreach (ref var item in stream.Pending.AsSpan())
        {
            if (item.AnswerLost && !item.Settled)
            {
                item.Settled = true;
                settled.Add(item);
            }
        }

        stream.Pending.RemoveSettled();
        counters.AddDropped(DropReasons.InFlightAtShutdown, settled.Events);
        // Settled in their spool segments too: like the calls the deadline cut, they are not sent again by the next start.
        buffer.Release(settled);
        return settled.Events;
    }

    private async Task PutAsync(StreamState stream, PendingBatch batch, bool retryMissing, CancellationToken cancellationToken)
    {
        PutLogEventsResponse response;
        try
        {
            response = await _client.PutLogEventsAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudWatchLogsException error) when (error.ErrorType == CloudWatchErrors.ResourceNotFound && retryMissing)
        {
            ResourceCreator.Forget(stream);
            await _resources.EnsureStreamAsync(stream, cancellationToken).ConfigureAwait(false);
            await PutAsync(stream, batch, retryMissing: false, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (CloudWatchLogsException error) when (error.ErrorType == CloudWatchErrors.InvalidParameter)
        {
            if (batch.Count == 1)
            {
                Settle(batch.Events, DropReasons.InvalidEvent);
                return;
            }

            var half = batch.Count / 2;
            await PutAsync(stream, batch.Slice(0, half), retryMissing, cancellationToken).ConfigureAwait(false);
            await PutAsync(stream, batch.Slice(half, batch.Count - half), retryMissing, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (AnswerLostException) when (cancellationToken.IsCancellationRequested)
        {
            // The shutdown deadline cut the call while it was out: nothing more will be sent, and it may have arrived.
            AnswerLost(batch.Events, DropReasons.InFlightAtShutdown);
            Settle(batch.Events, DropReasons.InFlightAtShutdown);
            return;
        }
        catch (AnswerLostException)
        {
            AnswerLost(batch.Events, DropReasons.AnswerLost);
            throw;
        }

        stream.Confirm();
        Account(batch, response.RejectedLogEventsInfo);
    }

    // The first lost answer leaves one copy possible: the events go once more. A second leaves two, so the events that
    // were already sent once without an answer are settled with `again` and counted as possible duplicates.
    private void AnswerLost(Span<PendingEvent> events, string again)
    {
        for (var i = 0; i < events.Length; i++)
        {
            ref var item = ref events[i];
            if (item.Settled)
            {
                continue;
            }

            if (!item.AnswerLost)
            {
                item.AnswerLost = true;
                continue;
            }

            _counters.AddPossibleDuplicates(1);
            Settle(events.Slice(i, 1), again);
        }
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

    private void Settle(Span<PendingEvent> events, string? reason)
    {
        var settled = default(Settlement);
        foreach (ref var item in events)
        {
            if (!item.Settled)
            {
                item.Settled = true;
                settled.Add(item);
            }
        }

        if (reason is null)
        {
            _counters.AddSent((int)settled.Events);
            _counters.AddPossibleDuplicates(CountAnswerLost(events));
        }
        else
        {
            _counters.AddDropped(reason, settled.Events);
        }

        _buffer.Release(settled);
    }

    private static long CountAnswerLost(ReadOnlySpan<PendingEvent> events)
    {
        long lost = 0;
        foreach (ref readonly var item in events)
        {
            lost += item.AnswerLost ? 1 : 0;
        }

        return lost;
    }
}
