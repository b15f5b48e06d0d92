namespace MetaMock.JobLogging;

/// <summary>When spool files are written to the device (fsync). The page cache already survives the death of the process.</summary>
public enum SpoolSync
{
    /// <summary>Never (the default): survives a killed or crashed process, not a power cut or a kernel crash.</summary>
    None,

    /// <summary>Every <see cref="MetaMockLoggingOptions.SpoolSyncInterval"/>, on the sender's thread: a power cut loses at most that interval.</summary>
    Interval,

    /// <summary>Before each PutLogEvents call: whatever was sent was on the device first.</summary>
    Always,
}
