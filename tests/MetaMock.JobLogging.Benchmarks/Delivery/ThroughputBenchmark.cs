using System.Diagnostics;
using System.Globalization;
using MetaMock.JobLogging.Benchmarks.Delivery.Sink;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// B2: events per second from the log call until the sink acknowledged them, for 100-byte and 1-KB events, one stream
/// and 1,000 job streams, against the ideal client's figure in the same run; the average fill of the calls; and what our
/// run cost the garbage collector (bytes allocated and collections per event, whole process: producer, sender, sink).
/// The ceiling is the same producer logging through Microsoft.Extensions.Logging into a provider that only formats each
/// message (see <see cref="FormatAndDiscardProvider"/>), against the same baseline: the best ratio any MEL-based logger
/// could reach here.
/// </summary>
internal static class ThroughputBenchmark
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(CloudWatchSink sink, DeliveryScale scale, TextWriter output)
    {
        await output.WriteLineAsync("## B2 delivery throughput (events acknowledged by the local sink)");
        await output.WriteLineAsync();
        // Untimed rehearsal of both clients: JIT and tiering would otherwise be billed to the first row.
        var (rehearsal, rehearsalBytes, _, _) = await MeasureOursAsync(sink, 100, 1, scale.SmallEvents / 2);
        await BaselineClient.MeasureAsync(sink, rehearsalBytes, 1, rehearsal.Events, new MetaMockLoggingOptions().MaxParallelStreams);

        await output.WriteLineAsync("| event bytes | streams | events | ours ev/s | baseline ev/s | ours/baseline | ours CPU us/ev | baseline CPU us/ev | ours bytes/call | ours events/call | ours fill | baseline fill | dropped | oversized calls | ours alloc B/ev | ours GCs gen0/1/2 per 1M ev | MEL ceiling ev/s | ceiling/baseline |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in new[] { 100, 1024 })
        {
            foreach (var streams in new[] { 1, 1000 })
            {
                var events = size == 100 ? scale.SmallEvents : scale.LargeEvents;
                var (ours, eventBytes, gc, payload) = await MeasureOursAsync(sink, size, streams, events);
                var baseline = await BaselineClient.MeasureAsync(sink, eventBytes, streams, events, new MetaMockLoggingOptions().MaxParallelStreams);
                var ceiling = await MeasureCeilingAsync(payload, streams, events);
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {eventBytes} | {streams:N0} | {ours.Events:N0} | {ours.EventsPerSecond:N0} | {baseline.EventsPerSecond:N0} | {ours.EventsPerSecond / baseline.EventsPerSecond:0.00} | {ours.CpuMicrosecondsPerEvent:0.00} | {baseline.CpuMicrosecondsPerEvent:0.00} | {ours.BytesPerCall:N0} | {ours.EventsPerCall:N0} | {ours.Fill:P0} | {baseline.Fill:P0} | {ours.Dropped} | {ours.Oversized + baseline.Oversized} | {gc.AllocatedBytes / (double)ours.Events:N0} | {gc.PerMillion(0, ours.Events):0.#}/{gc.PerMillion(1, ours.Events):0.#}/{gc.PerMillion(2, ours.Events):0.#} | {ceiling:N0} | {ceiling / baseline.EventsPerSecond:0.00} |"));
            }
        }

        await output.WriteLineAsync();
    }

    // Events per second of the producer alone, through MEL into a provider that formats and discards (a warm-up first).
    private static async Task<double> MeasureCeilingAsync(string payload, int streams, long events)
    {
        using var provider = new FormatAndDiscardProvider();
        using var factory = LoggerFactory.Create(b => b.ClearProviders().AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        var logger = factory.CreateLogger("Bench.Delivery");
        await EventProducer.ProduceOnThread(logger, streams, 1_000_000, Math.Min(events, 100_000), payload);
        var start = Stopwatch.GetTimestamp();
        await EventProducer.ProduceOnThread(logger, streams, 1_000_000, events, payload);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return events / elapsed.TotalSeconds;
    }

    /// <summary>One measured run of our provider (fresh, warmed up on the same streams); <paramref name="tune"/> changes its options.</summary>
    internal static async Task<(DeliveryFigures Figures, int EventBytes, GcCost Gc, string Payload)> MeasureOursAsync(
        CloudWatchSink sink, int eventBytes, int streams, long events, Action<MetaMockLoggingOptions>? tune = null)
    {
        using var logging = LoggingUnderTest.Start(sink.Url, tune);

        // Warm-up: creates the group and every stream, and measures the line around the payload so that the events
        // the sink sees are the size asked for.
        const int probe = 10;
        sink.Recorder.Reset(streams * EventProducer.LinesPerBlock);
        EventProducer.Produce(logging.Logger, streams, 1_000_000, streams * EventProducer.LinesPerBlock, new string('x', probe));
        await sink.Recorder.Reached.WaitAsync(Deadline);
        var lineAroundPayload = (int)(sink.Recorder.Bytes / sink.Recorder.Events) - PutLogEventsReader.PerEventOverhead - probe;
        var payload = new string('x', Math.Max(1, eventBytes - lineAroundPayload));

        var droppedBefore = logging.Diagnostics.EventsDropped;
        sink.Recorder.Reset(events);
        var gc = GcCost.Now();
        var cpu = DeliveryFigures.ProcessCpu();
        var start = Stopwatch.GetTimestamp();
        var producer = EventProducer.ProduceOnThread(logging.Logger, streams, 1_000_000, events, payload);
        await sink.Recorder.Reached.WaitAsync(Deadline);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpuUsed = DeliveryFigures.ProcessCpu() - cpu;
        var gcUsed = GcCost.Now() - gc;
        await producer;
        var figures = DeliveryFigures.From(sink.Recorder, elapsed, cpuUsed, logging.Diagnostics.EventsDropped - droppedBefore);
        return (figures, (int)Math.Round(figures.Bytes / (double)figures.Events) - PutLogEventsReader.PerEventOverhead, gcUsed, payload);
    }
}
