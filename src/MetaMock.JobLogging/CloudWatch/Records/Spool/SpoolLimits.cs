namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>The size of a slot's segment files and the bound on all of them.</summary>
/// <param name="SegmentCapacity">Bytes of frames per segment file (a multiple of 8).</param>
/// <param name="MaxBytes">The bound on the slot's segment files and free files together; a new segment past it makes appends report full.</param>
/// <param name="DurableRecycling">Whether a recycled file's clearing reaches the device before it can be named a segment again (the sync modes that promise to survive a power cut).</param>
internal readonly record struct SpoolLimits(int SegmentCapacity, long MaxBytes, bool DurableRecycling = false)
{
    /// <summary>1 MB segments, 1 GiB in all.</summary>
    public static SpoolLimits Default => new(MemorySegmentPool.DefaultCapacity, 1L << 30);
}
