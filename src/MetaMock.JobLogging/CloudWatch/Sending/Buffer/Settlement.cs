using MetaMock.JobLogging.CloudWatch.Sending.Streams;

namespace MetaMock.JobLogging.CloudWatch.Sending.Buffer;

/// <summary>
/// What a batch of settled events gives back: their count and buffer bytes, and, for events still held in a spool
/// segment, how many each segment had, so the segment can be checkpointed and deleted once all of its events are
/// settled. Memory records are settled as soon as they are formatted, so their events name no segment.
/// </summary>
internal struct Settlement
{
    private List<(long Segment, int Events)>? _segments;

    public long Events { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Per spool segment (by <see cref="Records.Segment.Epoch"/>), the events settled in it, runs merged.</summary>
    public readonly IReadOnlyList<(long Segment, int Events)> Segments => _segments ?? (IReadOnlyList<(long, int)>)[];

    public void Add(in PendingEvent item) => Add(item.EventCount, item.BufferBytes, item.Origin);

    /// <summary>Adds <paramref name="events"/> events holding <paramref name="bytes"/>, from spool segment <paramref name="origin"/> (0: none).</summary>
    public void Add(int events, long bytes, long origin)
    {
        Events += events;
        Bytes += bytes;
        if (origin == 0 || events == 0)
        {
            return;
        }

        _segments ??= [];
        if (_segments.Count > 0 && _segments[^1].Segment == origin)
        {
            _segments[^1] = (origin, _segments[^1].Events + events);
        }
        else
        {
            _segments.Add((origin, events));
        }
    }

    /// <summary>The total of events released without a segment to settle.</summary>
    public static Settlement Of(long events, long bytes) => new() { Events = events, Bytes = bytes };
}
