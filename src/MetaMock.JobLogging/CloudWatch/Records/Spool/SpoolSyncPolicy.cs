namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// Decides when the sender syncs the spool, from the mode and the time; the sync itself (<see cref="SpoolSlot.Sync"/>) runs
/// on the sender's thread, never a caller's: one can take hundreds of milliseconds.
/// </summary>
internal sealed class SpoolSyncPolicy
{
    private readonly TimeProvider _time;
    private long _lastSync;

    public SpoolSyncPolicy(SpoolSync mode, TimeSpan interval, TimeProvider time)
    {
        if (mode == SpoolSync.Interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The spool's sync interval must be positive.");
        }

        Mode = mode;
        Interval = interval;
        _time = time;
        _lastSync = time.GetTimestamp();
    }

    public SpoolSync Mode { get; }

    public TimeSpan Interval { get; }

    /// <summary>Whether to sync before sending a batch (mode <see cref="SpoolSync.Always"/>).</summary>
    public bool BeforeEachPut => Mode == SpoolSync.Always;

    /// <summary>Whether an interval sync is due now.</summary>
    public bool IsDue() => Mode == SpoolSync.Interval && _time.GetElapsedTime(_lastSync) >= Interval;

    /// <summary>How long until the next interval sync, for the sender's wait; null when the mode has none.</summary>
    public TimeSpan? DueIn() => Mode == SpoolSync.Interval ? TimeSpan.FromTicks(Math.Max(0, (Interval - _time.GetElapsedTime(_lastSync)).Ticks)) : null;

    public void Synced() => _lastSync = _time.GetTimestamp();
}
