using MetaMock.JobLogging.Benchmarks.Delivery.Sink;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// The delivery benchmarks (B2, B4, B5), which measure end-to-end throughput and latency and so don't fit
/// BenchmarkDotNet: <c>delivery b2|b2-spool|b4|b5|b7|all [--quick]</c> (B7, the fleet, runs only when named: it takes
/// minutes; <c>b2-spool</c>, B2's memory-against-spool rows, is part of <c>all</c>; <c>--warm</c> adds B4's warm
/// children, <c>--live</c> one live-heap measurement in each B4 child). Prints Markdown tables.
/// </summary>
internal static class DeliveryProgram
{
    private const string Usage = "usage: delivery b2|b2-spool|b4|b5|b7|all [--quick] [--warm] [--live]";

    public static async Task<int> RunAsync(string[] args)
    {
        LoggingUnderTest.UseDummyCredentials();
        if (args is [ScalingBenchmark.ChildCommand, var jobs, var url, .. var flags])
        {
            return await ScalingBenchmark.RunChildAsync(Int(jobs), new Uri(url), flags.Contains(ScalingBenchmark.WarmFlag), flags.Contains(ScalingBenchmark.LiveFlag));
        }

        if (args is [FleetBenchmark.ChildCommand, var worker, var jobsPerWorker, var seconds, var sinkUrl, var callTimes])
        {
            return await FleetBenchmark.RunChildAsync(Int(worker), Int(jobsPerWorker), Int(seconds), new Uri(sinkUrl), callTimes);
        }

        var scale = DeliveryScale.For(args.Contains("--quick"));
        var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        if (which is not ("b2" or "b2-spool" or "b4" or "b5" or "b7" or "all"))
        {
            await System.Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await using var sink = await CloudWatchSink.StartAsync();
        var output = System.Console.Out;
        await output.WriteLineAsync($"Delivery benchmarks ({(scale.Quick ? "quick" : "full")}), sink {sink.Url}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await output.WriteLineAsync();
        if (which is "b2" or "all")
        {
            await ThroughputBenchmark.RunAsync(sink, scale, output);
        }

        if (which is "b2-spool" or "all")
        {
            await SpoolThroughputBenchmark.RunAsync(sink, scale, output);
        }

        if (which is "b4" or "all")
        {
            await ScalingBenchmark.RunAsync(sink, scale, args.Contains(ScalingBenchmark.WarmFlag), args.Contains(ScalingBenchmark.LiveFlag), output);
        }

        if (which is "b5" or "all")
        {
            await LatencyBenchmark.RunAsync(sink, scale, output);
        }

        if (which is "b7")
        {
            await FleetBenchmark.RunAsync(sink, scale, output);
        }

        return 0;
    }

    private static int Int(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
