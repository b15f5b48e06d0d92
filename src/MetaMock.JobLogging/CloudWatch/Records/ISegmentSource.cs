namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>Where a <see cref="SegmentLog"/> gets its next segment: a pool of memory segments, or a spool slot's files.</summary>
internal interface ISegmentSource
{
    /// <summary>A new empty segment with room for at least <paramref name="minCapacity"/> bytes, or null when the bound is reached.</summary>
    Segment? Next(int minCapacity);

    /// <summary>
    /// Called by the sender after each drain (<paramref name="active"/>: it read events): gets the next segment ready
    /// off the log call's thread, or, once the log is quiet, lets a spare go.
    /// </summary>
    void Prepare(bool active);
}
