using MetaMock.JobLogging.CloudWatch.Sending;
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
    /// Undrained events that wake the sender to drain: one queue segment, the finest step the writers' once-a-segment
    /// check can see. At a million events a second that is a drain a millisecond, well inside a gen0 collection's gap.
    /// </summary>
    internal const int DrainAtEvents = QueueSegment<CapturedEvent>.Size;

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
        // to drain whenever a queue segment's worth is waiting, so the log call's strings are formatted and let go young.
        var wakeAt = Math.Min(options.MaxBufferedEvents / 2, BatchLimits.CloudWatch.MaxEvents);
        var drainAt = Math.Min(wakeAt, DrainAtEvents);
        var buffer = new BoundedLogEventBuffer(options.MaxBufferedEvents, options.MaxBufferedBytes, wakeAt, drainAt, signal.Wake);
        var router = new StreamRouter(options.LogGroup, options.JobLogGroup, options.ServiceName ?? StreamRouter.DefaultServiceName(), Environment.MachineName);
        var sender = new CloudWatchSender(options, buffer, signal, _counters, _output, _time, _clients, router);
        _counters.AttachQueue(() => (buffer.Events, buffer.Bytes), sender.RequestRound, () => sender.Progressed);
        sender.Start();
        return new CloudWatchRoute(options, buffer, sender, _counters, _time);
    }
}
