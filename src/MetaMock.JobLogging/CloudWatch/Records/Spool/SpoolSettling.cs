namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// A slot's checkpoint and the settled segments it does not yet record durably. A settled segment may be released (its
/// file recycled or deleted, its bytes taken off the slot's bound) only once a checkpoint naming it settled is durable:
/// a write that fails (a full disk, an I/O error) keeps what it would have recorded, and the next call writes it all,
/// so a short spell of failures costs the bound nothing once it ends.
/// </summary>
internal sealed class SpoolSettling
{
    private readonly string _path;
    private readonly WriteFailureSpell _failing;
    private readonly List<FileSegment> _unrecorded = [];
    private bool _changed;

    public SpoolSettling(string path, SpoolCheckpoint checkpoint, SpoolCounters counters, Action<string> report)
    {
        _path = path;
        Checkpoint = checkpoint;
        _failing = new WriteFailureSpell(counters, report);
    }

    public SpoolCheckpoint Checkpoint { get; }

    /// <summary>Called before each write of the checkpoint (where a test holds a slow disk).</summary>
    public Action? Writing { get; set; }

    /// <summary>Every event of <paramref name="segment"/> is delivered or counted: to record before it is released.</summary>
    public void Add(FileSegment segment)
    {
        Checkpoint.MarkSettled(segment.Sequence);
        _unrecorded.Add(segment);
        _changed = true;
    }

    /// <summary>The events of <paramref name="sequence"/> before <paramref name="offset"/> are settled: to record.</summary>
    public void AddBefore(long sequence, int offset)
    {
        Checkpoint.MarkSettledBefore(sequence, offset);
        _changed = true;
    }

    /// <summary>
    /// Writes the checkpoint if anything is left to record; returns the settled segments it now records durably, to
    /// release (none when the write failed: they are kept for the next call).
    /// </summary>
    public List<FileSegment> Record()
    {
        if (!_changed || !TrySave())
        {
            return [];
        }

        _changed = false;
        var recorded = new List<FileSegment>(_unrecorded);
        _unrecorded.Clear();
        recorded.ForEach(segment => Checkpoint.Forget(segment.Sequence));
        return recorded;
    }

    private bool TrySave()
    {
        try
        {
            Writing?.Invoke();
            Checkpoint.Save(_path);
            _failing.Ended();
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _failing.Failed($"MetaMock.JobLogging: cannot write the spool checkpoint in {_path} (settled segments are kept and counted against the bound until it can be): {error.Message}");
            return false;
        }
    }
}
