using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using MetaMock.JobLogging.Benchmarks.Delivery.Sink;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// B4: N distinct job ids x 10 lines through the CloudWatch path to the sink. Each size runs in a child process of its
/// own (the sink stays in this one), so one size's heap, threads and caches don't pollute the next.
/// </summary>
internal static class ScalingBenchmark
{
    public const string ChildCommand = "b4-child";

    public static async Task RunAsync(CloudWatchSink sink, DeliveryScale scale, TextWriter output)
    {
        await output.WriteLineAsync("## B4 scaling in the number of jobs (10 lines each, one process per size)");
        await output.WriteLineAsync();
        await output.WriteLineAsync("| jobs | events acked | peak working set MB | heap after full GC MB | peak threads | threads at end | streams held (peak / end) | dropped | seconds |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var samples = new List<ScalingSample>();
        foreach (var jobs in scale.JobCounts)
        {
            sink.Recorder.Reset(long.MaxValue);
            var sample = await RunChildAsync(sink.Url, jobs);
            samples.Add(sample);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {jobs:N0} | {sink.Recorder.Events:N0} | {sample.PeakWorkingSet / 1e6:0.0} | {sample.HeapAfterGc / 1e6:0.00} | {sample.PeakThreads} | {sample.ThreadsAtEnd} | {sample.PeakStreams:N0} / {sample.StreamsAtEnd:N0} | {sample.Dropped} | {sample.Elapsed.TotalSeconds:0.0} |"));
        }

        await output.WriteLineAsync();
        // From the first size, and from the middle one: past 10,000 jobs the buffer is full and every cache at its bound,
        // so the second line shows growth in jobs alone, the first also growth in events in flight.
        foreach (var first in new[] { samples[0], samples[^2] })
        {
            var last = samples[^1];
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Growth {first.Jobs:N0} -> {last.Jobs:N0} jobs: working set {Growth(first.PeakWorkingSet, last.PeakWorkingSet)}, heap {Growth(first.HeapAfterGc, last.HeapAfterGc)}, threads {Growth(first.PeakThreads, last.PeakThreads)}, streams {Growth(first.PeakStreams, last.PeakStreams)}.  "));
        }

        await output.WriteLineAsync();
    }

    /// <summary>The child's side: log, wait until everything is acknowledged, measure, print one result line.</summary>
    public static async Task<int> RunChildAsync(int jobs, Uri sinkUrl)
    {
        var start = Stopwatch.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        using var logging = LoggingUnderTest.Start(sinkUrl);
        var total = (long)jobs * EventProducer.LinesPerBlock;
        var peakThreads = 0;
        var peakStreams = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peakThreads = Math.Max(peakThreads, process.Threads.Count);
                peakStreams = Math.Max(peakStreams, logging.Diagnostics.ActiveStreams.Count);
                await Task.Delay(50, CancellationToken.None);
            }
        });

        // Every job visited once, its ten lines in one block.
        await EventProducer.ProduceOnThread(logging.Logger, jobs, 1_000_000, total, "step done");
        while (logging.Diagnostics.EventsSent + logging.Diagnostics.EventsDropped < total || logging.Diagnostics.QueuedEvents > 0)
        {
            await Task.Delay(20);
        }

        // The last round's bookkeeping (settling, eviction, the published stream list) ends after the last answer:
        // one quiet flush interval later the sender is at rest, which is the state measured.
        await Task.Delay(new MetaMockLoggingOptions().FlushInterval + TimeSpan.FromMilliseconds(500));

        var elapsed = Stopwatch.GetElapsedTime(start);
        await sampling.CancelAsync();
        await sampler;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        var sample = new ScalingSample(
            jobs, process.PeakWorkingSet64, heap, Math.Max(peakThreads, process.Threads.Count), process.Threads.Count,
            Math.Max(peakStreams, logging.Diagnostics.ActiveStreams.Count), logging.Diagnostics.ActiveStreams.Count,
            logging.Diagnostics.EventsSent, logging.Diagnostics.EventsDropped, elapsed);
        await System.Console.Out.WriteLineAsync(sample.ToLine());
        return 0;
    }

    private static async Task<ScalingSample> RunChildAsync(Uri sinkUrl, int jobs)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // Started as `dotnet X.dll`: the child needs the same assembly path.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in new[] { "delivery", ChildCommand, jobs.ToString(CultureInfo.InvariantCulture), sinkUrl.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The B4 child process did not start.");
        ScalingSample? sample = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ScalingSample.Marker, StringComparison.Ordinal))
            {
                sample = ScalingSample.Parse(line);
            }
        }

        await child.WaitForExitAsync();
        return sample ?? throw new InvalidOperationException($"The B4 child for {jobs} jobs exited with {child.ExitCode} and no result.");
    }

    private static string Growth(double from, double to) =>
        from == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{(to - from) / from:+0%;-0%;0%}");
}
