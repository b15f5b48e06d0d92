namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>What <see cref="Frames.Read"/> found at an offset.</summary>
internal enum FrameStatus
{
    /// <summary>A committed frame whose checksum matches.</summary>
    Committed,

    /// <summary>Nothing committed here yet (a writer is still writing, or the process died before it committed).</summary>
    NotCommitted,

    /// <summary>No frame follows in this region.</summary>
    End,

    /// <summary>A length that cannot be right or a checksum that fails: a torn or damaged frame.</summary>
    Corrupt,
}
