namespace MetaMock.JobLogging.Diagnostics;

/// <summary>
/// What the CloudWatch path holds in memory besides the events' own count: memory segments (in use by records not yet
/// formatted, and idle in the pool), the sender's chunks of formatted text, the streams it knows, and what its streams'
/// pending lists hold (<see cref="Pending"/>). Read from any thread for diagnostics and the benchmarks, so each figure
/// is a single read of a count the loop keeps.
/// </summary>
internal readonly record struct MemoryFootprint(int SegmentsLive, int SegmentsIdle, int SegmentBytes, int StoreChunks, int StoreFreeChunks, int StoreChunkBytes, int StreamsHeld, PendingFootprint Pending)
{
    /// <summary>Bytes of segment arrays held, in use or idle.</summary>
    public long SegmentArrayBytes => (long)(SegmentsLive + SegmentsIdle) * SegmentBytes;

    /// <summary>Bytes of formatted-text chunks held, in use or kept for the next round.</summary>
    public long StoreBytes => (long)(StoreChunks + StoreFreeChunks) * StoreChunkBytes;
}
