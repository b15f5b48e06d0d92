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
        var samples = new List<(long Acked, ScalingSample Sample)>();
        foreach (var jobs in scale.JobCounts)
        {
            sink.Recorder.Reset(long.MaxValue);
            var sample = await RunChildAsync(sink.Url, jobs);
            samples.Add((sink.Recorder.Events, sample));
        }

        await ScalingReport.WriteAsync(samples, output);
    }

    /// <summary>The child's side: log, wait until everything is acknowledged, measure, print one result line.</summary>
    public static async Task<int> RunChildAsync(int jobs, Uri sinkUrl)
    {
        var start = Stopwatch.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        using var logging = LoggingUnderTest.Start(sinkUrl);
        var total = (long)jobs * EventProducer.LinesPerBlock;
        var probe = new ScalingProbe(process, logging.Counters);
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
        probe.Sample();
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["jobs"] = jobs,
            ["streams_end"] = logging.Counters.Footprint.StreamsHeld,
            ["sent"] = logging.Diagnostics.EventsSent,
            ["dropped"] = logging.Diagnostics.EventsDropped,
            ["seconds"] = elapsed.TotalSeconds,
        };
        probe.AddTo(values);
        ScalingProbe.AddAtRest(values, process);
        await System.Console.Out.WriteLineAsync(new ScalingSample(values).ToLine());
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
}
