using System.Globalization;
using MetaMock.JobLogging.Benchmarks.Delivery.Sink;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// B2 with the spool: the same producer and sink as <see cref="ThroughputBenchmark"/>, our provider measured with events
/// waiting in memory segments and in a memory-mapped spool (sync <c>none</c>, a fresh temporary directory per run), for
/// 100-byte events into 1 and 1,000 streams. The two modes alternate (memory, spool, spool, memory) so a change in the
/// machine's load between runs weighs on both; each mode's figure is its total process CPU over its total events.
/// </summary>
internal static class SpoolThroughputBenchmark
{
    private const int EventBytes = 100;

    public static async Task RunAsync(CloudWatchSink sink, DeliveryScale scale, TextWriter output)
    {
        await output.WriteLineAsync("## B2 with the spool: process CPU per delivered event, memory segments against the spool (sync none)");
        await output.WriteLineAsync();
        // Untimed rehearsal of both modes: JIT and tiering would otherwise be billed to the first row.
        await MeasureAsync(sink, 1, scale.SmallEvents / 2, spool: false);
        await MeasureAsync(sink, 1, scale.SmallEvents / 2, spool: true);

        await output.WriteLineAsync("| event bytes | streams | events per run | memory CPU us/ev (runs 1, 4) | spool CPU us/ev (runs 2, 3) | memory CPU us/ev | spool CPU us/ev | spool / memory | kernel part of CPU us/ev (memory / spool) | memory ev/s | spool ev/s | memory alloc B/ev | spool alloc B/ev | dropped (memory / spool) |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var streams in new[] { 1, 1000 })
        {
            var events = scale.SmallEvents;
            var memory1 = await MeasureAsync(sink, streams, events, spool: false);
            var spool1 = await MeasureAsync(sink, streams, events, spool: true);
            var spool2 = await MeasureAsync(sink, streams, events, spool: true);
            var memory2 = await MeasureAsync(sink, streams, events, spool: false);
            var memory = Run.Sum(memory1, memory2);
            var spool = Run.Sum(spool1, spool2);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {memory1.EventBytes} | {streams:N0} | {events:N0} | {memory1.CpuPerEvent:0.00}, {memory2.CpuPerEvent:0.00} | {spool1.CpuPerEvent:0.00}, {spool2.CpuPerEvent:0.00} | {memory.CpuPerEvent:0.00} | {spool.CpuPerEvent:0.00} | {spool.CpuPerEvent / memory.CpuPerEvent:0.00} | {memory.KernelPerEvent:0.00} / {spool.KernelPerEvent:0.00} | {memory.EventsPerSecond:N0} | {spool.EventsPerSecond:N0} | {memory.AllocatedPerEvent:N0} | {spool.AllocatedPerEvent:N0} | {memory.Dropped} / {spool.Dropped} |"));
        }

        await output.WriteLineAsync();
    }

    private static async Task<Run> MeasureAsync(CloudWatchSink sink, int streams, long events, bool spool)
    {
        using var directory = spool ? new TempSpool() : null;
        var (figures, eventBytes, gc, _) = await ThroughputBenchmark.MeasureOursAsync(
            sink, EventBytes, streams, events, o =>
            {
                o.SpoolDirectory = directory?.Path;
                o.SpoolSync = SpoolSync.None;
            });
        return new Run(figures.Events, figures.Cpu, figures.KernelCpu, figures.Elapsed, gc.AllocatedBytes, figures.Dropped, eventBytes);
    }

    private sealed record Run(long Events, TimeSpan Cpu, TimeSpan KernelCpu, TimeSpan Elapsed, long Allocated, long Dropped, int EventBytes)
    {
        public double CpuPerEvent => Cpu.TotalMicroseconds / Events;

        public double KernelPerEvent => KernelCpu.TotalMicroseconds / Events;

        public double EventsPerSecond => Events / Elapsed.TotalSeconds;

        public double AllocatedPerEvent => Allocated / (double)Events;

        public static Run Sum(Run a, Run b) =>
            new(a.Events + b.Events, a.Cpu + b.Cpu, a.KernelCpu + b.KernelCpu, a.Elapsed + b.Elapsed, a.Allocated + b.Allocated, a.Dropped + b.Dropped, a.EventBytes);
    }
}
