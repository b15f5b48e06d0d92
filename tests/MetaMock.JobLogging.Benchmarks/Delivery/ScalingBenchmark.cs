using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using MetaMock.JobLogging.Benchmarks.Delivery.Sink;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// B4: N distinct job ids x 10 lines through the CloudWatch path to the sink. Each size runs in a child process of its
/// own (the sink stays in this one), so one size's heap, threads and caches don't pollute the next. The parent counts
/// each child's compilations by tier (<see cref="JitSummary"/>); <c>--warm</c> adds a warm child per size, which splits
/// the growth with size into what the jobs add and what the runtime compiles over a longer run.
/// </summary>
internal static class ScalingBenchmark
{
    public const string ChildCommand = "b4-child";

    /// <summary>Runs each size warm as well (<see cref="ScalingWarmUp"/>); passed on to the warm children.</summary>
    public const string WarmFlag = "--warm";

    /// <summary>Measures the live heap once, near the run's most formatted events in flight (<see cref="ScalingProbe"/>); passed on to every child.</summary>
    public const string LiveFlag = "--live";

    /// <summary>
    /// Runs every size cold (a fresh child measures at once); with <paramref name="warm"/>, each size also in a warm child
    /// (<see cref="ScalingWarmUp"/> first), cold and warm in turn, so both see the same machine.
    /// </summary>
    public static async Task RunAsync(CloudWatchSink sink, DeliveryScale scale, bool warm, bool live, TextWriter output)
    {
        var cold = new List<(long Acked, ScalingSample Sample)>();
        var warmed = new List<(long Acked, ScalingSample Sample)>();
        foreach (var jobs in scale.JobCounts)
        {
            cold.Add(await MeasureAsync(sink, jobs, warm: false, live));
            if (warm)
            {
                warmed.Add(await MeasureAsync(sink, jobs, warm: true, live));
            }
        }

        await ScalingReport.WriteAsync(cold, warm: false, output);
        if (warm)
        {
            await ScalingReport.WriteAsync(warmed, warm: true, output);
            await ScalingReport.WriteSplitAsync(cold, warmed, output);
        }
    }

    private static async Task<(long Acked, ScalingSample Sample)> MeasureAsync(CloudWatchSink sink, int jobs, bool warm, bool live)
    {
        sink.Recorder.Reset(long.MaxValue);
        var sample = await RunChildAsync(sink.Url, jobs, warm, live);
        return (sink.Recorder.Events - (long)sample["warm_events"], sample);
    }

    /// <summary>
    /// The child's side: (warm: the warm-up, then a compacting collection and the peaks reset) log, wait until everything
    /// is acknowledged, measure, print one result line.
    /// </summary>
    public static async Task<int> RunChildAsync(int jobs, Uri sinkUrl, bool warm, bool live)
    {
        using var process = Process.GetCurrentProcess();
        using var logging = LoggingUnderTest.Start(sinkUrl);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var peakReset = warm && await WarmUpAsync(logging, process, values);
        var start = Stopwatch.GetTimestamp();
        var settledBefore = logging.Diagnostics.EventsSent + logging.Diagnostics.EventsDropped;
        var total = (long)jobs * EventProducer.LinesPerBlock;
        // Half the most the run can hold at once (all of it, or the buffer's limit): every size's streams reach it.
        var liveAt = live ? Math.Min(total, new MetaMockLoggingOptions().MaxBufferedEvents) / 2 : 0;
        var probe = new ScalingProbe(process, logging.Counters, liveAt);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                probe.Sample();
                await Task.Delay(50, CancellationToken.None);
            }
        });

        // Every job visited once, its ten lines in one block.
        await EventProducer.ProduceOnThread(logging.Logger, jobs, 1_000_000, total, "step done");
        while (logging.Diagnostics.EventsSent + logging.Diagnostics.EventsDropped < settledBefore + total || logging.Diagnostics.QueuedEvents > 0)
        {
            await Task.Delay(20);
        }

        await AtRestAsync();

        var elapsed = Stopwatch.GetElapsedTime(start);
        await sampling.CancelAsync();
        await sampler;
        probe.Sample();
        values["jobs"] = jobs;
        values["streams_end"] = logging.Counters.Footprint.StreamsHeld;
        values["sent"] = logging.Diagnostics.EventsSent;
        values["dropped"] = logging.Diagnostics.EventsDropped;
        values["seconds"] = elapsed.TotalSeconds;
        probe.AddTo(values);
        ScalingProbe.AddAtRest(values, process);
        if (warm && !peakReset)
        {
            // The kernel's peak could not be reset: the warm-up's would count, so the sampled peak stands in.
            values["peak_ws_os"] = values["peak_ws"];
        }

        await System.Console.Out.WriteLineAsync(new ScalingSample(values).ToLine());
        return 0;
    }

    // The warm-up, then the state it leaves (after a compacting collection) as warm_* figures; true if the kernel's
    // peak working set was reset.
    private static async Task<bool> WarmUpAsync(LoggingUnderTest logging, Process process, Dictionary<string, double> values)
    {
        await ScalingWarmUp.RunAsync(logging);
        await AtRestAsync();
        ScalingWarmUp.GiveBackFreeMemory();
        values["warm_events"] = ScalingWarmUp.Events;
        values["warm_heap"] = GC.GetTotalMemory(forceFullCollection: false);
        values["jit_offset"] = Environment.GetEnvironmentVariable(JitSummary.FileVariable) is { } jitFile && File.Exists(jitFile) ? new FileInfo(jitFile).Length : -1;
        var reset = ScalingWarmUp.ResetPeakWorkingSet();
        process.Refresh();
        values["warm_ws"] = process.WorkingSet64;
        return reset;
    }

    // The last round's bookkeeping (settling, eviction, the published stream list) ends after the last answer: one
    // quiet flush interval later the sender is at rest.
    private static Task AtRestAsync() => Task.Delay(new MetaMockLoggingOptions().FlushInterval + TimeSpan.FromMilliseconds(500));

    private static async Task<ScalingSample> RunChildAsync(Uri sinkUrl, int jobs, bool warm, bool live)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        var jitFile = JitSummary.AskFor(start);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // Started as `dotnet X.dll`: the child needs the same assembly path.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in new[] { "delivery", ChildCommand, jobs.ToString(CultureInfo.InvariantCulture), sinkUrl.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (flag, on) in new[] { (WarmFlag, warm), (LiveFlag, live) })
        {
            if (on)
            {
                start.ArgumentList.Add(flag);
            }
        }

        try
        {
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
            if (sample is null)
            {
                throw new InvalidOperationException($"The B4 child for {jobs} jobs exited with {child.ExitCode} and no result.");
            }

            JitSummary.Count(jitFile, warm ? (long)sample["jit_offset"] : -1, sample.Values);
            return sample;
        }
        finally
        {
            File.Delete(jitFile);
        }
    }
}
