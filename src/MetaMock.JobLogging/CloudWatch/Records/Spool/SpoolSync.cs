namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>When spool segments are written to the device (fsync). The page cache already survives a process crash.</summary>
internal enum SpoolSync
{
    /// <summary>Never: survives the death of the process, not a power cut or a kernel crash.</summary>
    None,

    /// <summary>Every interval, on the sender's thread: a power cut loses at most that interval.</summary>
    Interval,

    /// <summary>Before each PutLogEvents: what is sent was on the device first.</summary>
    Always,
}
