namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>The sender's side of a <see cref="SegmentLog"/>: reads its events in order, segment after segment.</summary>
internal sealed class SegmentLogReader
{
    private readonly SegmentLog _log;
    private SegmentReader? _reader;

    public SegmentLogReader(SegmentLog log) => _log = log;

    /// <summary>Frames skipped as damaged, over every segment read.</summary>
    public long Corrupt { get; private set; }

    /// <summary>Events lost to an encoding failure after their space was reserved.</summary>
    public long Dropped { get; private set; }

    /// <summary>The next event and the segment to settle it in; <see cref="ReadStatus.End"/> is never returned (a log has no end).</summary>
    public ReadStatus TryRead(out EventView view, out Segment? segment)
    {
        while (true)
        {
            view = default;
            segment = null;
            if (_reader is null)
            {
                if (_log.Peek() is not { } head)
                {
                    return ReadStatus.Pending;
                }

                _reader = new SegmentReader(head, live: true);
            }

            var status = _reader.TryRead(out view);
            if (status == ReadStatus.Event)
            {
                segment = _reader.Segment;
                return status;
            }

            if (status == ReadStatus.Pending)
            {
                return status;
            }

            Finish();
        }
    }

    /// <summary>
    /// Moves past every segment whose frames are all read (its end marker is next), so each is released once its events
    /// are settled, without taking another event: a drain that took all it was asked for still lets them go.
    /// </summary>
    public void PassEnds()
    {
        while ((_reader ??= _log.Peek() is { } head ? new SegmentReader(head, live: true) : null) is { } reader
            && Frames.Read(reader.Segment.Data, reader.Offset, out _, out _, reader.Segment.ReadChecksum) == FrameStatus.End)
        {
            Finish();
        }
    }

    private void Finish()
    {
        Corrupt += _reader!.Corrupt;
        Dropped += _reader.Dropped;
        var done = _reader.Segment;
        _reader = null;
        _log.Advance();
        done.MarkFullyRead();
    }
}
