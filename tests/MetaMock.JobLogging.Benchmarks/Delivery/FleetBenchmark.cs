using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using MetaMock.JobLogging.Benchmarks.Delivery.Sink;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// B7, a fleet: three worker processes together start 100 new jobs a second (three lines each, one new stream each)
/// against a sink that answers ResourceNotFoundException for a stream not yet created and throttles CreateLogStream
/// above 50 a second, CloudWatch's account limit. Reports events lost, streams created, and the delay from each log
/// call to the acknowledgement of the put that carried it (the workers' call times and the sink's acknowledgements
/// are read on the same monotonic clock). The same fleet without the limit runs first, as the baseline.
/// </summary>
internal static class FleetBenchmark
{
    public const string ChildCommand = "b7-child";
    private const int Workers = 3;
    private const int NewStreamsPerSecond = 100;
    private const int LinesPerJob = 3;
    private const int CreateLimit = 50;

    public static async Task RunAsync(CloudWatchSink sink, DeliveryScale scale, TextWriter output)
    {
        await output.WriteLineAsync($"## B7 fleet: {Workers} worker processes, {NewStreamsPerSecond} new job streams/s ({LinesPerJob} lines each) for {scale.FleetSeconds} s");
        await output.WriteLineAsync();
        await output.WriteLineAsync("| CreateLogStream limit | events logged | events acked | lost (dropped + never acked) | streams created / new | creates throttled | p50 s | p99 s | max s | all acked after s |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var limit in new[] { int.MaxValue, CreateLimit })
        {
            await RunFleetAsync(sink, scale.FleetSeconds, limit, output);
        }

        await output.WriteLineAsync();
    }

    private static async Task RunFleetAsync(CloudWatchSink sink, int seconds, int limit, TextWriter output)
    {
        var jobsPerWorker = NewStreamsPerSecond * seconds / Workers;
        var perWorker = jobsPerWorker * LinesPerJob;
        var rules = new StreamRules(limit);
        sink.Streams = rules;
        sink.Recorder.Reset(long.MaxValue, sequences: Workers * perWorker);
        var folder = Directory.CreateTempSubdirectory("metamock-b7-");
        try
        {
            var started = Stopwatch.GetTimestamp();
            var results = await Task.WhenAll(Enumerable.Range(0, Workers).Select(w =>
                RunChildAsync(sink.Url, w, jobsPerWorker, seconds, Path.Combine(folder.FullName, $"{w}.bin"))));
            var elapsed = Stopwatch.GetElapsedTime(started);
            var acks = sink.Recorder.AckTimes.ToArray();
            var latencies = new List<double>(acks.Length);
            for (var w = 0; w < Workers; w++)
            {
                var called = MemoryMarshal.Cast<byte, long>(await File.ReadAllBytesAsync(Path.Combine(folder.FullName, $"{w}.bin")));
                for (var i = 0; i < called.Length; i++)
                {
                    var ack = acks[(w * perWorker) + i];
                    if (ack != 0)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(called[i], ack).TotalSeconds);
                    }
                }
            }

            latencies.Sort();
            var logged = (long)Workers * perWorker;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {(limit == int.MaxValue ? "none (baseline)" : $"{limit}/s")} | {logged:N0} | {latencies.Count:N0} | {results.Sum(r => r.Dropped)} + {logged - latencies.Count} | {rules.Created:N0} / {Workers * jobsPerWorker:N0} | {rules.Throttled:N0} | {Percentile(latencies, 0.50):0.0} | {Percentile(latencies, 0.99):0.0} | {(latencies.Count > 0 ? latencies[^1] : 0):0.0} | {elapsed.TotalSeconds:0} |"));
        }
        finally
        {
            sink.Streams = null;
            folder.Delete(recursive: true);
        }
    }

    /// <summary>One worker: starts its share of new jobs at an even pace, waits until all is settled, saves its call times.</summary>
    public static async Task<int> RunChildAsync(int worker, int jobs, int seconds, Uri sinkUrl, string callTimes)
    {
        using var logging = LoggingUnderTest.Start(sinkUrl);
        var total = jobs * LinesPerJob;
        var called = new long[total];
        var start = Stopwatch.GetTimestamp();
        var perJob = Stopwatch.Frequency * seconds / jobs;
        for (var job = 0; job < jobs; job++)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), start + (job * perJob));
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }

            using var context = MetaMockLogContext.BeginJobContext($"fleet-{worker}-{job}");
            for (var line = 0; line < LinesPerJob; line++)
            {
                var index = (job * LinesPerJob) + line;
                called[index] = Stopwatch.GetTimestamp();
                logging.Logger.LogInformation("Step {Step} seq={Sequence}", line, (worker * total) + index);
            }
        }

        var diagnostics = logging.Diagnostics;
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 600);
        while ((diagnostics.EventsSent + diagnostics.EventsDropped < total || diagnostics.QueuedEvents > 0) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        await File.WriteAllBytesAsync(callTimes, MemoryMarshal.AsBytes(called.AsSpan()).ToArray());
        await System.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Marker}{diagnostics.EventsSent} {diagnostics.EventsDropped}"));
        return 0;
    }

    private const string Marker = "B7-RESULT ";

    private static async Task<(long Sent, long Dropped)> RunChildAsync(Uri sinkUrl, int worker, int jobs, int seconds, string callTimes)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in new[] { "delivery", ChildCommand, worker.ToString(CultureInfo.InvariantCulture), jobs.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture), sinkUrl.ToString(), callTimes })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("A B7 worker did not start.");
        (long, long)? result = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                var f = line[Marker.Length..].Split(' ');
                result = (long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture));
            }
        }

        await child.WaitForExitAsync();
        return result ?? throw new InvalidOperationException($"B7 worker {worker} exited with {child.ExitCode} and no result.");
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
