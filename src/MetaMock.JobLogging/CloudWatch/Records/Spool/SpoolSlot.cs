using System.Globalization;

namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// One process's directory in the spool, held with an OS file lock for the process's life: its segment files
/// (<c>{sequence}.seg</c>), its free files (<see cref="SpoolFreeFiles"/>), its checkpoint, and the lock file. Created
/// new, or adopted from a dead process: then the segments it left unsettled are in <see cref="Recovered"/>, to replay
/// before they are released.
/// </summary>
internal sealed class SpoolSlot : ISegmentSource, IDisposable
{
    public const string LockFileName = "slot.lock";
    public const string SegmentSuffix = ".seg";
    public const string SetAsideSuffix = SlotFiles.SetAsideSuffix;

    private readonly FileStream _lock;
    private readonly SpoolLimits _limits;
    private readonly Action<string> _report;
    private readonly SpoolCheckpoint _checkpoint;
    private readonly SpoolSettling _settling;
    private readonly List<FileSegment> _live = [];
    private readonly SpoolFreeFiles _free;
    private readonly object _gate = new();
    // Taken before _gate, never inside it: the checkpoint is written and fsynced under this one alone, so a log call
    // rolling over (which takes _gate) does not wait for the disk.
    private readonly object _settleGate = new();
    private readonly List<RecoveredSegment> _recovered;
    private readonly List<SpoolSlot> _adopted = [];
    // A full disk refuses every log call's attempt at a new segment: each is counted, the console hears once a spell.
    private readonly WriteFailureSpell _createFailing;
    // A settled file that cannot be deleted (its directory turned read-only): counted, said once a spell, left for the next start.
    private readonly WriteFailureSpell _deleteFailing;
    private long _nextSequence;
    private long _bytes;
    // Set by Dispose under both locks: a call still out when a stuck loop's slot was released settles into nothing (no
    // checkpoint, no recycling: its events stay in the files for the next start) rather than into unmapped files.
    private bool _disposed;

    public SpoolSlot(string path, FileStream lockFile, SpoolLimits limits, SpoolCounters counters, Action<string> report)
    {
        Path = path;
        _lock = lockFile;
        _limits = limits;
        Counters = counters;
        _report = report;
        _createFailing = new WriteFailureSpell(counters, report);
        _deleteFailing = new WriteFailureSpell(counters, report);
        _free = new SpoolFreeFiles(limits.SegmentCapacity, limits.DurableRecycling);
        _checkpoint = SpoolCheckpoint.LoadOrSetAside(path, report);
        _settling = new SpoolSettling(path, _checkpoint, counters, report);
        _recovered = Recover();
    }

    public string Path { get; }

    public SpoolCounters Counters { get; }

    /// <summary>The unsettled segments a dead process left here, oldest first (empty for a new slot).</summary>
    public IReadOnlyList<RecoveredSegment> Recovered => _recovered;

    /// <summary>The bytes of segment files and free files the slot holds now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes) + _free.Bytes;

    /// <summary>Its free files; <see cref="SpoolFreeFiles.StepDone"/> is where a test simulates a crash mid-recycling.</summary>
    public SpoolFreeFiles Free => _free;

    /// <summary>Called as the checkpoint is about to be written (where a test holds a slow disk).</summary>
    public Action? CheckpointWriting { set => _settling.Writing = value; }

    /// <summary>Nothing to do: settled files are recycled into the free list on the sender's thread already, ready for the next roll-over.</summary>
    public void Prepare(bool active)
    {
    }

    /// <summary>
    /// A new segment: a free file when there is one, else a new file; null when the byte bound would be passed or the
    /// file cannot be created (counted).
    /// </summary>
    public Segment? Next(int minCapacity)
    {
        var capacity = minCapacity <= _limits.SegmentCapacity ? _limits.SegmentCapacity : (minCapacity + 65535) & ~65535;
        var size = FileSegment.FileSize(capacity);
        lock (_gate)
        {
            if (capacity == _limits.SegmentCapacity && _free.TryTake(SegmentPath(_nextSequence), _nextSequence, Settled) is { } reused)
            {
                _nextSequence++;
                _live.Add(reused);
                Interlocked.Add(ref _bytes, size);
                _createFailing.Ended(); // appends are accepted again: a full disk met later is a new spell, reported again
                return reused;
            }

            if (Interlocked.Read(ref _bytes) + size > _limits.MaxBytes)
            {
                Counters.AddFull();
                return null;
            }

            while (Bytes + size > _limits.MaxBytes && _free.TryDropOne())
            {
                // a free file (of the standard size, where this segment needs another) gives way to it
            }

            var sequence = _nextSequence++;
            try
            {
                var segment = FileSegment.Create(SegmentPath(sequence), sequence, capacity, Settled);
                _live.Add(segment);
                Interlocked.Add(ref _bytes, size);
                _createFailing.Ended();
                return segment;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                _createFailing.Failed($"MetaMock.JobLogging: cannot create a spool segment in {Path}: {error.Message}");
                return null;
            }
        }
    }

    /// <summary>msync and fsync every segment file still held (and retry a checkpoint that failed): the sender's thread only.</summary>
    public void Sync()
    {
        Settle(null);
        FileSegment[] live;
        lock (_gate)
        {
            live = [.. _live];
        }

        foreach (var segment in live)
        {
            segment.Sync();
        }
    }

    /// <summary>
    /// Takes an idle slot's free files back down to a few (<see cref="SpoolFreeFiles.Trim"/>), and retries a checkpoint
    /// that failed: the sender's thread, at a steady pace.
    /// </summary>
    public int TrimFreeFiles()
    {
        // Adopted slots first, outside this slot's lock, which a log call rolling over may be waiting for.
        _adopted.ForEach(other => other.TrimFreeFiles());
        Settle(null);
        lock (_gate)
        {
            return _disposed ? 0 : _free.Trim();
        }
    }

    /// <summary>Records durably that the events of <paramref name="segment"/> before <paramref name="offset"/> are settled.</summary>
    public void SettledBefore(FileSegment segment, int offset) => Settle(settling => settling.AddBefore(segment.Sequence, offset));

    /// <summary>
    /// Takes on the slot of another dead process (claimed, with segments left), before the replay starts: its segments
    /// are replayed after this slot's own and settled against its own checkpoint; its lock is held until this slot is disposed.
    /// </summary>
    public void Adopt(SpoolSlot other)
    {
        lock (_gate)
        {
            _adopted.Add(other);
            _recovered.AddRange(other.Recovered);
        }
    }

    /// <summary>Unmaps the files and releases the lock (and those of adopted slots); unsettled segments stay for the next process to replay.</summary>
    public void Dispose()
    {
        _adopted.ForEach(other => other.Dispose());
        lock (_settleGate)
        {
            lock (_gate)
            {
                _disposed = true;
                _live.ForEach(segment => segment.Dispose());
                _live.Clear();
                _free.Dispose();
            }
        }

        _lock.Dispose();
    }

    // Every event of the segment is delivered or counted: the checkpoint says so durably before the file is recycled
    // or deleted.
    private void Settled(FileSegment segment) => Settle(settling => settling.Add(segment));

    // Adds a settlement (or none: a retry of a checkpoint that failed) and writes the checkpoint; then releases what it
    // now names settled. Until the checkpoint is written the files stay (a process dying meanwhile leaves them to be
    // replayed: at-least-once, never lost), and so do their bytes against the bound.
    private void Settle(Action<SpoolSettling>? add)
    {
        List<FileSegment> recorded;
        lock (_settleGate)
        {
            if (_disposed)
            {
                return;
            }

            add?.Invoke(_settling);
            recorded = _settling.Record();
        }

        lock (_gate)
        {
            if (!_disposed)
            {
                recorded.ForEach(ReleaseRecorded);
            }
        }
    }

    // Under _gate.
    private void ReleaseRecorded(FileSegment segment)
    {
        _free.StepDone?.Invoke(RecycleStep.Checkpointed);
        _live.Remove(segment);
        Interlocked.Add(ref _bytes, -segment.File.Length);
        Release(segment);
    }

    // A settled segment's file goes to the free files, or is deleted. Never throws: the checkpoint already names it
    // settled, so a file that cannot be deleted is only disk left in use (the next start deletes it without replaying).
    private void Release(FileSegment segment)
    {
        try
        {
            if (!_free.TryKeep(segment))
            {
                segment.File.Delete();
            }

            _deleteFailing.Ended();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _deleteFailing.Failed($"MetaMock.JobLogging: a settled spool segment in {Path} cannot be deleted: {error.Message}");
        }
    }

    private string SegmentPath(long sequence) => System.IO.Path.Combine(Path, sequence.ToString("D12", CultureInfo.InvariantCulture) + SegmentSuffix);

    private List<RecoveredSegment> Recover()
    {
        // Sequences are never reused, not even those of files long gone that the checkpoint still names: a new
        // segment must never be taken for one the checkpoint says is settled.
        foreach (var (path, sequence) in SlotFiles.Numbered(Path, SpoolFreeFiles.Suffix))
        {
            _nextSequence = Math.Max(_nextSequence, sequence + 1);
            _free.Adopt(path);
        }

        var recovered = new List<RecoveredSegment>();
        foreach (var (path, sequence) in SlotFiles.Numbered(Path, SegmentSuffix))
        {
            _nextSequence = Math.Max(_nextSequence, sequence + 1);
            if (File.Exists(path) && FileSegment.IsBlank(path))
            {
                // A process died as it created the file: it never held a record.
                Counters.AddEmpty();
                File.Delete(path);
                continue;
            }

            FileSegment segment;
            try
            {
                segment = FileSegment.Open(path, sequence, Settled);
            }
            catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Counters.AddSetAside();
                SlotFiles.SetAside(path, error, _report);
                continue;
            }

            if (_checkpoint.IsSettled(sequence))
            {
                // Settled, but the process died before recycling or deleting it.
                Release(segment);
                continue;
            }

            _live.Add(segment);
            _bytes += segment.File.Length;
            recovered.Add(new RecoveredSegment(segment, _checkpoint.DeliverFrom(sequence)));
        }

        _nextSequence = Math.Max(_nextSequence, _checkpoint.LastSequence + 1);
        _checkpoint.RetainOnly(recovered.Select(r => r.Segment.Sequence));
        return recovered;
    }
}
