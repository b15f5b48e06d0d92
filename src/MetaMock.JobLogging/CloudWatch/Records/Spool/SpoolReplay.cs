namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// Reads the events a dead process left in an adopted slot, segment after segment, oldest first. Torn and damaged
/// frames are skipped and counted as <see cref="SpoolCounters.CorruptRecords"/>; each segment is released (checkpointed
/// and deleted) once read to its end and every event it gave is settled.
/// </summary>
internal sealed class SpoolReplay
{
    private readonly SpoolCounters _counters;
    private readonly Queue<RecoveredSegment> _pending;
    private SegmentReader? _reader;

    public SpoolReplay(SpoolSlot slot)
    {
        _counters = slot.Counters;
        _pending = new Queue<RecoveredSegment>(slot.Recovered);
    }

    /// <summary>What the replay met: <see cref="SpoolCounters.CorruptRecords"/> counts the records it had to skip.</summary>
    public SpoolCounters Counters => _counters;

    /// <summary>The next left event and its segment (to settle it in), or <see cref="ReadStatus.End"/> once all are read.</summary>
    public ReadStatus TryRead(out EventView view, out Segment? segment)
    {
        while (true)
        {
            view = default;
            segment = null;
            if (_reader is null)
            {
                if (!_pending.TryDequeue(out var next))
                {
                    return ReadStatus.End;
                }

                _reader = new SegmentReader(next.Segment, live: false, next.DeliverFrom);
            }

            if (_reader.TryRead(out view) == ReadStatus.Event)
            {
                segment = _reader.Segment;
                return ReadStatus.Event;
            }

            _counters.AddCorrupt(_reader.Corrupt + _reader.Dropped);
            var done = _reader.Segment;
            _reader = null;
            done.MarkFullyRead();
        }
    }
}
