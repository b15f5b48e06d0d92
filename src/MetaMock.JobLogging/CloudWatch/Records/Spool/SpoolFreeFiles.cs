namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// A slot's free files: settled segments' files kept created, allocated and mapped, then cleared, to serve as the next
/// segments instead of a file deleted and another created for each (which costs the kernel the allocation, the mapping,
/// and a zeroed page fault per page on first write). A busy slot keeps up to <see cref="MaxFiles"/> (the sender settles
/// segments in bursts, as its rounds end); <see cref="Trim"/> takes an idle one back down to <see cref="KeptWhenIdle"/>,
/// so an idle process holds little disk.
/// </summary>
/// <remarks>
/// A free file is named <c>{sequence}.free</c>, never as a segment, from before it is cleared until after it is stamped
/// with its new segment's header (see <see cref="RecycleStep"/>): a crash at any step leaves a segment file the checkpoint
/// names settled (deleted unread at adoption), a free file (never read; cleared again by the process that adopts the
/// slot), or an empty segment. None of them can replay an old record.
/// </remarks>
internal sealed class SpoolFreeFiles : IDisposable
{
    public const string Suffix = ".free";

    /// <summary>Enough for a busy slot's rounds (a half-full buffer's worth of segments) to settle into free files.</summary>
    public const int MaxFiles = 16;

    /// <summary>What an idle slot keeps: enough to roll over without creating a file, little disk.</summary>
    public const int KeptWhenIdle = 2;

    private readonly Stack<SpoolFile> _files = new();
    private readonly int _capacity;
    private readonly bool _durable;
    private int _count;
    private bool _takenSinceTrim;

    /// <param name="capacity">The slot's segment capacity: only files of that size are kept.</param>
    /// <param name="durable">Whether a cleared file is written to the device before it can be named a segment again, so a power cut cannot leave old frames under a new name.</param>
    public SpoolFreeFiles(int capacity, bool durable)
    {
        _capacity = capacity;
        _durable = durable;
    }

    /// <summary>Called after each step of recycling: where a test simulates a crash between steps.</summary>
    public Action<RecycleStep>? StepDone { get; set; }

    /// <summary>The bytes of the free files held: they count against the slot's bound.</summary>
    public long Bytes => Volatile.Read(ref _count) * FileSegment.FileSize(_capacity);

    /// <summary>
    /// Keeps a settled segment's file, whose settling the checkpoint has made durable: renamed to a free name, then cleared.
    /// False when it is not kept (the list is full, the file has another size, it cannot be renamed): the caller deletes it.
    /// </summary>
    public bool TryKeep(FileSegment settled)
    {
        var file = settled.File;
        if (_files.Count >= MaxFiles || file.Length != FileSegment.FileSize(_capacity))
        {
            return false;
        }

        try
        {
            file.MoveTo(Path.ChangeExtension(file.Path, Suffix));
            StepDone?.Invoke(RecycleStep.MovedOut);
            file.Clear(FileSegment.HeaderSize + (long)settled.Used);
            Keep(file);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A free file put back into service as segment <paramref name="sequence"/> at <paramref name="path"/>, or null when there is none.</summary>
    public FileSegment? TryTake(string path, long sequence, Action<FileSegment> onSettled)
    {
        while (_files.TryPop(out var file))
        {
            Interlocked.Decrement(ref _count);
            try
            {
                var segment = FileSegment.Reuse(file, path, sequence, _capacity, onSettled, () => StepDone?.Invoke(RecycleStep.Stamped));
                _takenSinceTrim = true;
                StepDone?.Invoke(RecycleStep.Named);
                return segment;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                TryDelete(file); // it has a header now: it is not kept as free, and the next one is tried
            }
        }

        return null;
    }

    /// <summary>Deletes one free file to make room under the slot's bound; false when there is none.</summary>
    public bool TryDropOne()
    {
        if (!_files.TryPop(out var file))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        TryDelete(file);
        return true;
    }

    /// <summary>
    /// Deletes the free files beyond <see cref="KeptWhenIdle"/> when none was taken since the last call: called at a
    /// steady pace, it leaves a busy slot its files and takes an idle one back down within two calls. Returns how many it deleted.
    /// </summary>
    public int Trim()
    {
        var deleted = _takenSinceTrim ? 0 : DropBeyondIdleKeep();
        _takenSinceTrim = false;
        return deleted;
    }

    /// <summary>
    /// A free file an earlier process left (perhaps cleared only in part): cleared whole and kept when fewer than
    /// <see cref="KeptWhenIdle"/> are and it has the slot's size, deleted otherwise.
    /// </summary>
    public void Adopt(string path)
    {
        try
        {
            var stream = SpoolFile.OpenExisting(path);
            if (_files.Count >= KeptWhenIdle || stream.Length != FileSegment.FileSize(_capacity))
            {
                stream.Dispose();
                File.Delete(path);
                return;
            }

            var file = SpoolFile.Map(stream, path, stream.Length);
            file.Clear(file.Length);
            Keep(file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Never read, whatever it holds: left where it is, outside the slot's bound.
        }
    }

    /// <summary>Deletes the free files beyond <see cref="KeptWhenIdle"/> and unmaps the rest, which stay, cleared, for the next process on the slot.</summary>
    public void Dispose()
    {
        DropBeyondIdleKeep();
        while (_files.TryPop(out var file))
        {
            file.Dispose();
        }

        Volatile.Write(ref _count, 0);
    }

    private int DropBeyondIdleKeep()
    {
        var deleted = 0;
        while (_files.Count > KeptWhenIdle && TryDropOne())
        {
            deleted++;
        }

        return deleted;
    }

    private void Keep(SpoolFile file)
    {
        if (_durable)
        {
            file.Sync();
        }

        _files.Push(file);
        Interlocked.Increment(ref _count);
        StepDone?.Invoke(RecycleStep.Cleared);
    }

    private static void TryDelete(SpoolFile file)
    {
        try
        {
            file.Delete();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Never read as a segment (no segment name, or no records): at worst it holds disk until a later start.
        }
    }
}
