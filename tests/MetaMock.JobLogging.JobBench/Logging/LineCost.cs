using MetaMock.JobLogging.JobBench.Measurement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.JobBench.Logging;

/// <summary>
/// The CPU cost of one line like the Quartz listener's, through the same logging, from the call until the endpoint has
/// it (capture on the caller's thread plus the sender's formatting and batching): the floor under a line-writing
/// integration's cost per job.
/// </summary>
internal static class LineCost
{
    public static async Task RunAsync(int lines, int rounds)
    {
        var services = new ServiceCollection();
        var sink = BenchLogging.Add(services);
        await using var built = services.BuildServiceProvider();
        var logger = built.GetRequiredService<ILoggerFactory>().CreateLogger("MetaMock.JobLogging.Quartz.MetaMockJobListener");
        using var context = MetaMockLogContext.BeginContext(new UserContext("42"), new JobContext("wf-7", "j7", "638712345678901234"));
        var costs = new List<double>();
        long written = 0;
        for (var round = 0; round < rounds + 1; round++)
        {
            var clock = new RoundClock();
            for (var i = 0; i < lines; i++)
            {
                logger.LogInformation("Job {JobKey} completed in {DurationMs} ms", "bench.j7", 0.1);
            }

            clock.StopWall();
            written += lines;
            await Delivery.WaitAsync(sink, written);
            if (round > 0)
            {
                costs.Add(clock.Finish(lines).CpuMicrosecondsPerJob);
            }
        }

        System.Console.WriteLine($"== One INFO line with the job context, CloudWatch path, call to endpoint: {Stats.Median(costs):F2} cpu-us per line (median of {rounds} x {lines:N0})");
    }
}
