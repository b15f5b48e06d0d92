using MetaMock.JobLogging.CloudWatch.Records.Spool;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Writes the spool's files to the device as <see cref="SpoolSync"/> asks, on the sender's thread (never a caller's: a
/// sync can take hundreds of milliseconds): before drained events can be put (always), or once an interval.
/// </summary>
internal sealed class SpoolWriteBack
{
    private readonly SpoolSlot _slot;
    private readonly SpoolSyncPolicy _policy;
    private readonly RecordBuffer _buffer;
    // Appends the last sync covered: an idle spool is not synced again.
    private long _syncedAppends;

    public SpoolWriteBack(SpoolSlot slot, MetaMockLoggingOptions options, RecordBuffer buffer, TimeProvider time)
    {
        _slot = slot;
        _policy = new SpoolSyncPolicy(options.SpoolSync, options.SpoolSyncInterval, time);
        _buffer = buffer;
    }

    /// <summary>When the sender must next drain for an interval sync, null in the other modes: the sender's wait ends by then.</summary>
    public DateTimeOffset? SyncAt(DateTimeOffset now) => _policy.DueIn() is { } due ? now + due : null;

    /// <summary>Called after each drain with the number of events it took.</summary>
    public void AfterDrain(int drained)
    {
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
