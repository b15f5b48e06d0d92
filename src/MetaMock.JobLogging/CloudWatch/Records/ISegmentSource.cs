namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>Where a <see cref="SegmentLog"/> gets its next segment: a pool of memory segments, or a spool slot's files.</summary>
internal interface ISegmentSource
{
    /// <summary>A new empty segment with room for at least <paramref name="minCapacity"/> bytes, or null when the bound is reached.</summary>
    Segment? Next(int minCapacity);
}
