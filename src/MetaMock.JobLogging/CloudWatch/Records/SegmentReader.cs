namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Reads one segment's events in order. In a live segment an uncommitted frame means "not yet"; in a segment no one
/// writes any more (left by a dead process) it is a torn frame: like a frame whose checksum fails or whose body does not
/// parse, it is skipped, counted in <see cref="Corrupt"/>, and reading resumes at the next whole frame.
/// </summary>
internal sealed class SegmentReader
{
    private readonly RecordDecoder _decoder = new();
    private readonly bool _live;
    private readonly int _deliverFrom;
    private int _offset;

    /// <param name="segment">The segment.</param>
    /// <param name="live">Whether writers may still be committing frames in it.</param>
    /// <param name="deliverFrom">Events in frames before this offset were settled before: read for their definitions only.</param>
    public SegmentReader(Segment segment, bool live, int deliverFrom = 0)
    {
        Segment = segment;
        _live = live;
        _deliverFrom = deliverFrom;
    }

    public Segment Segment { get; }

    /// <summary>Frames skipped as torn or damaged.</summary>
    public long Corrupt { get; private set; }

    /// <summary>Padding frames met (events whose encoding failed after their space was reserved).</summary>
    public long Dropped { get; private set; }

    /// <summary>Where the next frame starts (a checkpoint can record it).</summary>
    public int Offset => _offset;

    /// <summary>The next event; each one returned counts as outstanding in the segment until settled.</summary>
    public ReadStatus TryRead(out EventView view)
    {
        var data = Segment.Data;
        while (true)
        {
            view = default;
            switch (Frames.Read(data, _offset, out var body, out var next, Segment.ReadChecksum))
            {
                case FrameStatus.End:
                    return ReadStatus.End;
                case FrameStatus.NotCommitted when _live:
                    return ReadStatus.Pending;
                case FrameStatus.NotCommitted when IsUnusedTail(data):
                    return ReadStatus.End;
                case FrameStatus.Committed:
                    var start = _offset;
                    _offset = next;
                    if (TryDecode(body, out view) && next > _deliverFrom)
                    {
                        view = view with { RecordBytes = next - start };
                        Segment.AddOutstanding(1);
                        return ReadStatus.Event;
                    }

                    break;
                default:
                    Corrupt++;
                    _offset = Frames.Skip(data, _offset, Segment.ReadChecksum);
                    break;
            }
        }
    }

    private bool TryDecode(ReadOnlySpan<byte> body, out EventView view)
    {
        try
        {
            if (_decoder.TryDecode(body, out view))
            {
                return true;
            }

            Dropped++;
            return false;
        }
        catch (InvalidDataException)
        {
            view = default;
            Corrupt++;
            return false;
        }
    }

    // Zeros to the end: the space a dead writer never reserved, not a torn frame.
    private bool IsUnusedTail(ReadOnlySpan<byte> data) => data[_offset..].IndexOfAnyExcept((byte)0) < 0;
}
