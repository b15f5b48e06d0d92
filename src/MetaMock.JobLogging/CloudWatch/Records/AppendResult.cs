namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>What became of an append.</summary>
internal enum AppendResult
{
    /// <summary>The record is committed in a segment (in the page cache, for a file segment).</summary>
    Accepted,

    /// <summary>No segment could take it: the memory or spool bound is reached (the caller applies its full mode).</summary>
    Full,
}
