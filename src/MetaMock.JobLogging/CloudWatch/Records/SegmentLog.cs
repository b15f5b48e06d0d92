namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// The log of segments the log call appends records to and the sender reads from, in order. Appends never block and
/// never do I/O: they encode into the current segment; a full segment is replaced by the source's next one.
/// </summary>
internal sealed class SegmentLog
{
    private readonly ISegmentSource _source;
    private readonly RecordEncoder _encoder;
    private readonly Queue<Segment> _segments = new();
    private readonly object _roll = new();
    private Segment? _current;

    public SegmentLog(ISegmentSource source, InternTables tables)
    {
        _source = source;
        _encoder = new RecordEncoder(tables);
    }

    /// <summary>The ids of categories, templates and contexts in this log's records.</summary>
    public InternTables Tables => _encoder.Tables;

    /// <summary>Encodes <paramref name="e"/> into the current segment (a new one if it is full).</summary>
    public AppendResult Append(in LogEvent e) => Append(e, out _, out _);

    /// <summary>
    /// As <see cref="Append(in LogEvent)"/>; <paramref name="frameBytes"/> is what the record counts against the byte
    /// limit (see <see cref="EventView.Cost"/>), and
    /// <paramref name="placeholders"/> how many values were written as placeholders because their text threw.
    /// </summary>
    public AppendResult Append(in LogEvent e, out int frameBytes, out int placeholders)
    {
        frameBytes = 0;
        placeholders = 0;
        var scratch = EncodeScratch.Current;
        try
        {
            var plan = _encoder.Plan(e, scratch);
            var segment = Volatile.Read(ref _current);
            while (true)
            {
                if (segment is not null)
                {
                    var body = RecordEncoder.BodySize(e, plan, segment.WriterEpoch, out var definitions);
                    if (segment.TryReserve(RecordFrame.Size(body), out var frame))
                    {
                        frameBytes = frame.Length + (plan.Template?.TextBytes ?? 0);
                        Write(frame, body, segment.WriterChecksummed, e, plan, definitions, scratch);
                        RecordEncoder.MarkDefined(e, plan, definitions, segment.WriterEpoch);
                        return AppendResult.Accepted;
                    }
                }

                // No segment has epoch -1, so the size counts every definition a fresh segment needs before the event
                // (entries never defined anywhere hold epoch 0 and would otherwise be left out).
                segment = Roll(segment, RecordFrame.Size(RecordEncoder.BodySize(e, plan, epoch: -1, out _)));
                if (segment is null)
                {
                    return AppendResult.Full;
                }
            }
        }
        finally
        {
            placeholders = scratch.Placeholders;
            scratch.Clear();
        }
    }

    /// <summary>The sender's turn after a drain: see <see cref="ISegmentSource.Prepare"/>.</summary>
    public void Prepare(bool active) => _source.Prepare(active);

    /// <summary>The oldest segment not yet taken by the reader, or null.</summary>
    public Segment? Peek()
    {
        lock (_roll)
        {
            return _segments.Count > 0 ? _segments.Peek() : null;
        }
    }

    /// <summary>The reader is done with the oldest segment; true when another follows it.</summary>
    public bool Advance()
    {
        lock (_roll)
        {
            _segments.Dequeue();
            return _segments.Count > 0;
        }
    }

    /// <summary>Seals the current segment, so that once read and settled it is released (at shutdown, or before a sync).</summary>
    public void SealCurrent()
    {
        lock (_roll)
        {
            _current?.Seal();
            _current = null;
        }
    }

    private Segment? Roll(Segment? full, int minCapacity)
    {
        lock (_roll)
        {
            if (!ReferenceEquals(_current, full) && _current is not null && !_current.IsSealed)
            {
                return _current; // another writer rolled over already
            }

            var next = _source.Next(minCapacity);
            if (next is not null)
            {
                _segments.Enqueue(next);
                Volatile.Write(ref _current, next);
            }

            return next;
        }
    }

    private static void Write(Span<byte> frame, int body, bool checksum, in LogEvent e, in EventPlan plan, Definitions definitions, EncodeScratch scratch)
    {
        try
        {
            RecordEncoder.Write(frame.Slice(RecordFrame.HeaderSize, body), e, plan, definitions, scratch);
        }
        catch (Exception) when (body > 0)
        {
            // The space is reserved: it must be committed, or the reader would wait for it forever.
            frame[RecordFrame.HeaderSize] = (byte)RecordKind.Padding;
            Frames.Commit(frame, body, checksum);
            throw;
        }

        Frames.Commit(frame, body, checksum);
    }
}
