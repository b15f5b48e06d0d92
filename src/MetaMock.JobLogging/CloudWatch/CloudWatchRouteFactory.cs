using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using MetaMock.JobLogging.CloudWatch.Sending;
using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.CloudWatch.Sending.Reporting;
using MetaMock.JobLogging.CloudWatch.Sending.Send;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// Builds the CloudWatch route when the settings ask for it (production and <c>USE_CLOUDWATCH=true</c>), wiring
/// the buffer, the sender and its counters. Registered by <c>AddMetaMockLogging</c>; tests replace its parts in DI.
/// </summary>
internal sealed class CloudWatchRouteFactory
{
    /// <summary>
    /// Appends that wake the sender to drain: at a million events a second that is a drain a millisecond, well inside a
    /// gen0 collection's gap, and the records' memory segments are reused while still in the cache.
    /// </summary>
    internal const int DrainAtEvents = 1_024;

    private readonly SenderCounters _counters;
    private readonly SenderOutput _output;
    private readonly TimeProvider _time;
    private readonly ICloudWatchClientSource _clients;

    public CloudWatchRouteFactory(SenderCounters counters, SenderOutput output, TimeProvider time, ICloudWatchClientSource clients)
    {
        _counters = counters;
        _output = output;
        _time = time;
        _clients = clients;
    }

    public CloudWatchRoute? CreateIfEnabled(MetaMockLoggingOptions options)
    {
        if (!options.CloudWatchEnabled)
        {
            return null;
        }

        var signal = new FlushSignal();
        // Wake at half the limit (or one full call), so a burst is sent before the tick without a wake-up per event; and
        // to drain every segment's worth of appends, so records are formatted and their segments reused young.
        var wakeAt = Math.Min(options.MaxBufferedEvents / 2, BatchLimits.CloudWatch.MaxEvents);
        var drainAt = Math.Min(wakeAt, DrainAtEvents);
        var spool = options.SpoolDirectory is null ? null : SpoolSetup.Open(options, _output.Warning);
        var pool = spool is null ? MemorySegments(options) : null;
        var log = new SegmentLog((ISegmentSource?)spool ?? pool!, new InternTables());
        var buffer = new RecordBuffer(log, options.MaxBufferedEvents, options.MaxBufferedBytes, wakeAt, drainAt, signal.Wake);
        var router = new StreamRouter(options.LogGroup, options.JobLogGroup, options.ServiceName ?? StreamRouter.DefaultServiceName(), Environment.MachineName);
        var sender = new CloudWatchSender(options, buffer, spool, signal, _counters, _output, _time, _clients, router);
        _counters.AttachQueue(() => (buffer.Events, buffer.Bytes), sender.RequestRound, () => sender.Progressed);
        _counters.AttachFootprint(() => sender.Footprint() with
        {
            SegmentsLive = pool?.Live ?? 0, SegmentsIdle = pool?.Idle ?? 0, SegmentBytes = pool?.Capacity ?? 0,
        });
        sender.Start();
        return new CloudWatchRoute(options, buffer, sender, _counters, _time, spool is null ? null : spool.Dispose);
    }

    // Segments of at most 1 MB, fewer and smaller for a small byte limit; a few more than the limit needs, since the
    // limit counts formatted events too and memory records are released as soon as they are formatted.
    private static MemorySegmentPool MemorySegments(MetaMockLoggingOptions options)
    {
        var capacity = (int)Math.Clamp(options.MaxBufferedBytes / 4, 64 * 1024, MemorySegmentPool.DefaultCapacity) & ~7;
        var segments = (int)Math.Min(int.MaxValue, (options.MaxBufferedBytes / capacity) + 2);
        return new MemorySegmentPool(capacity, Math.Max(4, segments));
    }
}
