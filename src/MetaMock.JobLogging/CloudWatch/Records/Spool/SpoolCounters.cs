namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>What the spool met that cost or could cost events; each is reported, none is silent.</summary>
internal sealed class SpoolCounters
{
    /// <summary>The drop reason for a record skipped as torn or damaged.</summary>
    public const string CorruptReason = "spool_corrupt";

    private long _corruptRecords;
    private long _setAside;
    private long _emptySegments;
    private long _writeFailures;
    private long _full;

    /// <summary>Records skipped because they were torn (the process died mid-write) or failed their checksum.</summary>
    public long CorruptRecords => Interlocked.Read(ref _corruptRecords);

    /// <summary>Segment files that could not be read at all, renamed aside with the suffix <see cref="SpoolSlot.SetAsideSuffix"/>.</summary>
    public long SegmentsSetAside => Interlocked.Read(ref _setAside);

    /// <summary>Zero-length or headerless segment files (a process died as it created one): deleted, they held nothing.</summary>
    public long EmptySegments => Interlocked.Read(ref _emptySegments);

    /// <summary>New segment files that could not be created (a full disk, a file system turned read-only).</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>Times a new segment would have passed the spool's byte bound.</summary>
    public long Full => Interlocked.Read(ref _full);

    public void AddCorrupt(long records) => Interlocked.Add(ref _corruptRecords, records);

    public void AddSetAside() => Interlocked.Increment(ref _setAside);

    public void AddEmpty() => Interlocked.Increment(ref _emptySegments);

    public void AddWriteFailure() => Interlocked.Increment(ref _writeFailures);

    public void AddFull() => Interlocked.Increment(ref _full);
}
