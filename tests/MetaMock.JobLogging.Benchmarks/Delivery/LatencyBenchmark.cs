using System.Diagnostics;
using System.Globalization;
using MetaMock.JobLogging.Benchmarks.Delivery.Sink;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// B5: at a steady 1,000 events/s, the time from each log call until the sink acknowledged the call that carried it,
/// matched by the <c>seq=N</c> stamp in the message.
/// </summary>
internal static class LatencyBenchmark
{
    private const int Rate = 1_000;

    public static async Task RunAsync(CloudWatchSink sink, DeliveryScale scale, TextWriter output)
    {
        using var logging = LoggingUnderTest.Start(sink.Url);
        var flushInterval = new MetaMockLoggingOptions().FlushInterval;
        MetaMockLogContext.SetJobContext("latency-job");

        // Warm-up: group and stream exist before the clock starts.
        sink.Recorder.Reset(1);
        logging.Logger.LogInformation("warm-up");
        await sink.Recorder.Reached.WaitAsync(TimeSpan.FromMinutes(1));

        var count = (int)(Rate * scale.LatencyDuration.TotalSeconds);
        var called = new long[count];
        sink.Recorder.Reset(count, sequences: count);
        await Task.Factory.StartNew(() => Paced(logging.Logger, called), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await sink.Recorder.Reached.WaitAsync(TimeSpan.FromMinutes(1));
        MetaMockLogContext.ClearJobContext();

        var acks = sink.Recorder.AckTimes;
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            latencies[i] = Stopwatch.GetElapsedTime(called[i], acks[i]).TotalMilliseconds;
        }

        Array.Sort(latencies);
        await output.WriteLineAsync("## B5 latency at 1,000 events/s (log call to acknowledgement)");
        await output.WriteLineAsync();
        await output.WriteLineAsync("| events | FlushInterval | p50 ms | p99 ms | max ms | goal p99 ms | met |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|:---:|");
        var goal = flushInterval.TotalMilliseconds + 200;
        var p99 = Percentile(latencies, 0.99);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"| {count:N0} | {flushInterval.TotalMilliseconds:0} ms | {Percentile(latencies, 0.50):0} | {p99:0} | {latencies[^1]:0} | {goal:0} | {(p99 <= goal ? "yes" : "no")} |"));
        await output.WriteLineAsync();
    }

    private static void Paced(ILogger logger, long[] called)
    {
        var start = Stopwatch.GetTimestamp();
        var tick = Stopwatch.Frequency / Rate;
        for (var i = 0; i < called.Length; i++)
        {
            var due = start + (i * tick);
            // Pacing to the target rate: SpinWait yields and sleeps between checks, so waiting does not burn a core.
            SpinWait.SpinUntil(() => Stopwatch.GetTimestamp() >= due);

            called[i] = Stopwatch.GetTimestamp();
            logger.LogInformation("Rendered seq={Sequence}", i);
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
