namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>The steps of recycling a settled segment's file into a later segment, in order; a crash can fall between any two.</summary>
internal enum RecycleStep
{
    /// <summary>The checkpoint naming the segment settled is durable; the file still has its segment name.</summary>
    Checkpointed,

    /// <summary>The file is renamed out of the segments' names (<see cref="SpoolFreeFiles.Suffix"/>), its old frames still in it.</summary>
    MovedOut,

    /// <summary>The free file is cleared: all zeros.</summary>
    Cleared,

    /// <summary>Taken for a new segment: the new header is written, the file still has its free name.</summary>
    Stamped,

    /// <summary>Renamed to the new segment's name: an empty segment, ready for appends.</summary>
    Named,
}
