using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.CloudWatch.Sending.Send;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending.Intake;

/// <summary>
/// The sender's first step: reads the records the log calls wrote (and, with a spool, those a dead process left, a
/// chunk per drain while the buffer has room, so replay never holds back new events), routes each to its stream, formats it into the
/// <see cref="MessageStore"/> and hands it on as a <see cref="PendingEvent"/>. A memory record is settled as soon as it is
/// formatted (its segment can be reused at once); a spool record only when its event is delivered or dropped, through
/// the buffer's release, so a crash before then replays it.
/// </summary>
internal sealed class EventIntake
{
    /// <summary>What a formatted event holds besides its text: its pending entry and its share of the store's bookkeeping.</summary>
    public const int PendingCost = 64;

    // Replayed records read per drain at most, so a large spool left behind is sent alongside new events.
    private const int ReplayChunk = 4_096;

    // Formatted events' extra bytes are charged to the buffer in one add per this many events (and at the end of each
    // drain), not one per event: the buffer's byte counter shares its cache line with the log call's own counter, and a
    // write to it from this thread for every event would cost the log call a cache miss each time. Meanwhile the byte
    // limit may be passed by at most that many events' difference.
    private const int ChargeEvery = 256;

    private readonly RecordBuffer _buffer;
    private readonly SegmentLogReader _reader;
    private readonly StreamRouter _router;
    private readonly StreamTable _streams;
    private readonly MessageStore _store;
    private readonly EventFormatter _formatter;
    private readonly SenderCounters _counters;
    private readonly PendingSink _sink;
    private readonly bool _settleOnDelivery;
    private SpoolReplay? _replay;

    // The stream of the last event, reused while events come in runs with one context snapshot (and UTC day).
    private StreamState? _stream;
    private LogContextSnapshot? _lastContext;
    private long _lastDay = long.MinValue;
    private long _uncharged;
    private int _unchargedEvents;

    public EventIntake(RecordBuffer buffer, SpoolReplay? replay, bool settleOnDelivery, StreamRouter router, StreamTable streams, MessageStore store,
        EventFormatter formatter, SenderCounters counters, PendingSink sink)
    {
        _buffer = buffer;
        _reader = new SegmentLogReader(buffer.Log);
        _replay = replay;
        _settleOnDelivery = settleOnDelivery;
        _router = router;
        _streams = streams;
        _store = store;
        _formatter = formatter;
        _counters = counters;
        _sink = sink;
        buffer.SetReplaying(replay is not null);
    }

    /// <summary>Takes what was written by now (and a chunk of replay); returns how many events it took.</summary>
    public int Drain(DateTimeOffset now)
    {
        _stream = null;
        var taken = _replay is null ? 0 : Replay(now);

        // Only what is written now: chasing a writer to an empty log would make both threads bounce the same cache
        // lines on every event; what arrives meanwhile waits for the next drain, at once if it is a backlog.
        var limit = _buffer.Queued;
        var read = 0;
        while (read < limit && _reader.TryRead(out var view, out var segment) == ReadStatus.Event)
        {
            read++;
            Take(view, segment!, now);
        }

        ChargeHeld();
        _buffer.MarkRead(read);
        _reader.PassEnds();
        _buffer.NotifyRoom();
        // No spare once the buffer is closed: no log call will roll over again.
        _buffer.Log.Prepare(active: read > 0 && !_buffer.IsClosed);
        return taken + read;
    }

    private int Replay(DateTimeOffset now)
    {
        var taken = 0;
        while (taken < ReplayChunk && _buffer.HasRoom)
        {
            if (_replay!.TryRead(out var view, out var segment) != ReadStatus.Event)
            {
                // Records found but unreadable count as replayed and dropped, so the books still add up.
                var corrupt = _replay.Counters.CorruptRecords;
                _counters.AddReplayed(corrupt);
                _counters.AddDropped(SpoolCounters.CorruptReason, corrupt);
                _replay = null;
                _buffer.SetReplaying(false);
                break;
            }

            taken++;
            _buffer.AddReplayed(view.Cost);
            _counters.AddReplayed(1);
            Take(view, segment!, now);
        }

        return taken;
    }

    private void Take(in EventView view, Segment segment, DateTimeOffset now)
    {
        var day = view.Context?.JobId is null ? view.UtcTicks / TimeSpan.TicksPerDay : 0;
        if (_stream is null || !ReferenceEquals(view.Context, _lastContext) || day != _lastDay)
        {
            _stream = _streams.Get(_router.Route(view.Context, view.UtcTicks), now);
            (_lastContext, _lastDay) = (view.Context, day);
        }

        var origin = 0L;
        if (_settleOnDelivery)
        {
            _buffer.Track(segment);
            origin = segment.Epoch;
        }

        try
        {
            _formatter.Format(view, _store);
        }
#pragma warning disable CA1031 // A record that cannot be formatted must cost that event only, counted.
        catch (Exception)
#pragma warning restore CA1031
        {
            _store.Discard();
            _counters.AddDropped(DropReasons.FormatFailed, 1);
            var failed = default(Settlement);
            failed.Add(1, view.Cost, origin);
            _buffer.Release(failed);
            SettleRecord(segment);
            return;
        }

        var timestamp = view.Timestamp.ToUnixTimeMilliseconds();
        var bufferBytes = ChargeFormatted(view.Cost, _store.Uncommitted.Length);
        // The logger printed it at the call, beside the record (a replayed record, in the process that logged it).
        var printed = CloudWatchRoute.AlsoOnConsole(view.Level);
        if (_store.Uncommitted.Length <= BatchLimits.CloudWatch.MaxMessageBytes)
        {
            _sink(_stream, new PendingEvent(timestamp, _store.Commit(), 1, bufferBytes, origin, printed));
        }
        else
        {
            AddParts(_stream, timestamp, bufferBytes, origin, printed);
        }

        SettleRecord(segment);
    }

    // A memory record is no longer needed once formatted; a spool record waits for its event's release.
    private void SettleRecord(Segment segment)
    {
        if (!_settleOnDelivery)
        {
            segment.Settle(1);
        }
    }

    // The record was counted at its size; formatted, the event holds its UTF-8 text instead, which may be larger (a
    // template expands). The buffer counts the larger of the two, so its byte limit bounds the memory of formatted
    // events too (an outage keeps them for as long as it lasts).
    private long ChargeFormatted(int recordBytes, int utf8Bytes)
    {
        var held = PendingCost + (long)utf8Bytes;
        if (held <= recordBytes)
        {
            return recordBytes;
        }

        _uncharged += held - recordBytes;
        if (++_unchargedEvents >= ChargeEvery)
        {
            ChargeHeld();
        }

        return held;
    }

    private void ChargeHeld()
    {
        if (_uncharged > 0)
        {
            _buffer.Charge(_uncharged);
        }

        (_uncharged, _unchargedEvents) = (0, 0);
    }

    // A message over the event limit: its parts, each with its marker, replace it in the store.
    private void AddParts(StreamState stream, long timestamp, long bufferBytes, long origin, bool printed)
    {
        var length = _store.Uncommitted.Length;
        var whole = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            _store.Uncommitted.CopyTo(whole);
            _store.Discard();
            var message = whole.AsSpan(0, length);
            var parts = EventSplitter.Split(message, BatchLimits.CloudWatch.MaxMessageBytes);
            for (var i = 0; i < parts.Count; i++)
            {
                var last = i == parts.Count - 1;
                var text = _store.Add(System.Text.Encoding.ASCII.GetBytes(EventSplitter.Marker(i + 1, parts.Count)), message[parts[i]]);
                _sink(stream, new PendingEvent(timestamp, text, last ? 1 : 0, last ? bufferBytes : 0, last ? origin : 0, printed));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(whole);
        }
    }
}
