namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// A fixed-size region of frames that many writers append to at once and one reader reads in order. A writer reserves
/// its frame's bytes with one interlocked add, writes the body in place, and commits it (<see cref="Frames.Commit"/>);
/// the writer whose reservation does not fit marks the end. Once every frame was read and every event read was
/// settled (delivered or counted as dropped), the segment is released: a memory segment returns to its pool, a file
/// segment is checkpointed and deleted.
/// </summary>
/// <remarks>
/// What a writer touches (the tail, and its own copies of the data's address, the capacity, the epoch and whether it
/// checksums) is alone on a cache line: the reader counts and settles events in this object's other fields as it reads
/// them, and would otherwise take the writers' line away on every event.
/// </remarks>
internal abstract unsafe class Segment : IDisposable
{
    private static long _lastEpoch;

    private readonly byte* _data;
    private WriterSide _writer;
    private long _outstanding;
    private int _fullyRead;
    private int _released;
    private Action<Segment>? _whenReleased;

    protected Segment(byte* data, int capacity, FrameChecksum checksum, int tail = 0)
    {
        ReadChecksum = checksum;
        _data = data;
        Capacity = capacity;
        Epoch = Interlocked.Increment(ref _lastEpoch);
        _writer.Tail = tail;
        _writer.Data = data;
        _writer.Capacity = capacity;
        _writer.Epoch = Epoch;
        _writer.Checksummed = Checksummed;
    }

    /// <summary>Unique per segment in the process: which definitions it holds is tracked by this (see <see cref="InternedText"/>).</summary>
    public long Epoch { get; }

    /// <summary>
    /// Whether its frames carry a checksum: a file's frames can be torn by a crash or damaged on disk and are checked
    /// when read back; a memory segment dies with its process, so its frames are neither checksummed nor checked.
    /// </summary>
    public bool Checksummed => ReadChecksum != FrameChecksum.None;

    /// <summary>What a reader compares each frame's checksum field with (new frames are always written with CRC-32C).</summary>
    public FrameChecksum ReadChecksum { get; }

    /// <summary><see cref="Checksummed"/>, read from the writers' cache line (the log call's copy).</summary>
    public bool WriterChecksummed => _writer.Checksummed;

    /// <summary><see cref="Epoch"/>, read from the writers' cache line (the log call's copy).</summary>
    public long WriterEpoch => _writer.Epoch;

    /// <summary>The bytes of frames it holds, a multiple of 8.</summary>
    public int Capacity { get; }

    /// <summary>The frames, committed or not; the reader reads it with <see cref="Frames.Read"/>.</summary>
    public ReadOnlySpan<byte> Data => new(_data, Capacity);

    /// <summary>No more appends: every byte is reserved.</summary>
    public bool IsSealed => Volatile.Read(ref _writer.Tail) >= _writer.Capacity;

    /// <summary>The bytes reserved so far (at most <see cref="Capacity"/>).</summary>
    public int Used => (int)Math.Min(Volatile.Read(ref _writer.Tail), Capacity);

    /// <summary>Every frame was read and every event settled: the segment went back to its pool, or was checkpointed.</summary>
    public bool IsReleased => Volatile.Read(ref _released) == 1;

    /// <summary>Reserves <paramref name="frameSize"/> bytes (a multiple of 8); false when they do not fit, and the segment is then sealed.</summary>
    public bool TryReserve(int frameSize, out Span<byte> frame)
    {
        var end = Interlocked.Add(ref _writer.Tail, frameSize);
        var start = end - frameSize;
        if (end <= _writer.Capacity)
        {
            frame = new Span<byte>(_writer.Data + start, frameSize);
            return true;
        }

        if (start < _writer.Capacity)
        {
            // The one reservation that straddles the end tells the reader that nothing follows.
            Frames.WriteEnd(new Span<byte>(_writer.Data + start, RecordFrame.HeaderSize));
        }

        frame = default;
        return false;
    }

    /// <summary>Ends appends to this segment, so it can be released once its frames are settled.</summary>
    /// <remarks>
    /// The reservation always straddles the end, so it writes the end marker where the tail is, also at 0: one of
    /// exactly the capacity would fit an empty segment whole and leave the reader waiting for a frame never committed.
    /// </remarks>
    public void Seal() => TryReserve(Capacity + RecordFrame.HeaderSize, out _);

    /// <summary>The reader handed out <paramref name="events"/> more events from this segment.</summary>
    public void AddOutstanding(int events) => Interlocked.Add(ref _outstanding, events);

    /// <summary>The reader has read every frame: the segment is released when the last outstanding event is settled.</summary>
    public void MarkFullyRead()
    {
        Interlocked.Exchange(ref _fullyRead, 1);
        ReleaseIfSettled();
    }

    /// <summary><paramref name="events"/> events handed out from this segment are delivered or counted as dropped.</summary>
    public void Settle(int events)
    {
        Interlocked.Add(ref _outstanding, -events);
        ReleaseIfSettled();
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the segment is released, or now if it already is (it may then run twice, so
    /// it must not mind): whoever holds the segment for settling lets it go, whichever call releases it.
    /// </summary>
    public void WhenReleased(Action<Segment> action)
    {
        // Each side publishes with a full fence before it reads the other's field, so at least one of them sees both.
        Interlocked.Exchange(ref _whenReleased, action);
        if (IsReleased)
        {
            action(this);
        }
    }

    /// <summary>Writes its pages to the device (a file segment; nothing for memory). The sender's thread only: it can take 100s of ms.</summary>
    public virtual void Sync()
    {
    }

    public abstract void Dispose();

    /// <summary>Every frame is read and every event settled: return to the pool, or checkpoint and delete.</summary>
    protected abstract void OnSettled();

    private void ReleaseIfSettled()
    {
        if (Volatile.Read(ref _fullyRead) == 1 && Interlocked.Read(ref _outstanding) == 0 && Interlocked.Exchange(ref _released, 1) == 0)
        {
            OnSettled();
            Volatile.Read(ref _whenReleased)?.Invoke(this);
        }
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 192)]
    private struct WriterSide
    {
        [System.Runtime.InteropServices.FieldOffset(64)]
        public long Tail;

        [System.Runtime.InteropServices.FieldOffset(72)]
        public byte* Data;

        [System.Runtime.InteropServices.FieldOffset(80)]
        public long Epoch;

        [System.Runtime.InteropServices.FieldOffset(88)]
        public int Capacity;

        [System.Runtime.InteropServices.FieldOffset(92)]
        public bool Checksummed;
    }
}
