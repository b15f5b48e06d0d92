using MetaMock.JobLogging.CloudWatch.Records.Spool;

namespace MetaMock.JobLogging.CloudWatch.Sending.Buffer;

/// <summary>
/// Writes the spool's files to the device as <see cref="SpoolSync"/> asks, on the sender's thread (never a caller's: a
/// sync can take hundreds of milliseconds): before drained events can be put (always), or once an interval. It also
/// trims the slot's free files at a steady pace, so an idle process holds few.
/// </summary>
internal sealed class SpoolWriteBack
{
    private readonly SpoolSlot _slot;
    private readonly SpoolSyncPolicy _policy;
    private readonly RecordBuffer _buffer;
    private readonly TimeProvider _time;
    private long _lastTrim;
    // Appends the last sync covered: an idle spool is not synced again.
    private long _syncedAppends;

    public SpoolWriteBack(SpoolSlot slot, MetaMockLoggingOptions options, RecordBuffer buffer, TimeProvider time)
    {
        _slot = slot;
        _policy = new SpoolSyncPolicy(options.SpoolSync, options.SpoolSyncInterval, time);
        _buffer = buffer;
        _time = time;
        _lastTrim = time.GetTimestamp();
    }

    /// <summary>How often the free files are trimmed: an idle process gives back its surplus within two of these.</summary>
    public static TimeSpan TrimInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>When the sender must next drain for an interval sync, null in the other modes: the sender's wait ends by then.</summary>
    public DateTimeOffset? SyncAt(DateTimeOffset now) => _policy.DueIn() is { } due ? now + due : null;

    /// <summary>Called after each drain with the number of events it took.</summary>
    public void AfterDrain(int drained)
    {
        if (_time.GetElapsedTime(_lastTrim) >= TrimInterval)
        {
            _slot.TrimFreeFiles();
            _lastTrim = _time.GetTimestamp();
        }

        var appended = _buffer.Appended;
        if (appended == _syncedAppends)
        {
            if (_policy.IsDue())
            {
                _policy.Synced(); // nothing to write: the next check is an interval on, or the idle loop would spin
            }

            return;
        }

        if ((drained > 0 && _policy.BeforeEachPut) || _policy.IsDue())
        {
            _slot.Sync();
            _policy.Synced();
            _syncedAppends = appended;
        }
    }
}
