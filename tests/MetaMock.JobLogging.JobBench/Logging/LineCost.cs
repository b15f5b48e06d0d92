using MetaMock.JobLogging.JobBench.Measurement;
using MetaMock.JobLogging.JobBench.QuartzBench;
using MetaMock.JobLogging.Quartz;
using MetaMock.JobLogging.Quartz.Listener;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.JobBench.Logging;

/// <summary>
/// The cost of one line exactly as the Quartz listener writes its "completed" line (its source-generated method, a job
/// key and a duration), through the same logging, from the call until the endpoint has it: the caller's thread (MEL,
/// formatting, capture) and the whole process (plus the sender's formatting and batching). The floor under a
/// line-writing integration's cost per job.
/// </summary>
internal static class LineCost
{
    public static async Task RunAsync(int lines, int rounds)
    {
        var services = new ServiceCollection();
        var sink = BenchLogging.Add(services);
        await using var built = services.BuildServiceProvider();
        var logger = built.GetRequiredService<ILoggerFactory>().CreateLogger<MetaMockJobListener>();
        var key = new JobKey("j7", "bench");
        using var context = MetaMockLogContext.BeginContext(new UserContext("42"), new JobContext("wf-7", "j7", "638712345678901234"));
        var costs = new List<double>();
        var callerCosts = new List<double>();
        var bytes = new List<double>();
        var callerBytes = new List<double>();
        long written = 0;
        for (var round = 0; round < rounds + 1; round++)
        {
            // The clock first: it starts with a full collection, which the caller's figures must not include.
            var clock = new RoundClock();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var callerAllocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var callerBefore = ThreadCpu.Microseconds();
            for (var i = 0; i < lines; i++)
            {
                ListenerLog.Completed(logger, key.Group, key.Name, 0.1);
            }

            clock.StopWall();
            var caller = (ThreadCpu.Microseconds() - callerBefore) / lines;
            var callerAllocated = (double)(GC.GetAllocatedBytesForCurrentThread() - callerAllocatedBefore) / lines;
            written += lines;
            await Delivery.WaitAsync(sink, written);
            if (round > 0)
            {
                costs.Add(clock.Finish(lines).CpuMicrosecondsPerJob);
                callerCosts.Add(caller);
                bytes.Add((double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / lines);
                callerBytes.Add(callerAllocated);
            }
        }

        System.Console.WriteLine(
            $"== One INFO line with the job context, CloudWatch path, call to endpoint: {Stats.Median(costs):F2} cpu-us per line " +
            $"({Stats.Median(callerCosts):F2} on the caller's thread), {Stats.Median(bytes):F0} B ({Stats.Median(callerBytes):F0} B on the caller's thread); " +
            $"median of {rounds} x {lines:N0}");
    }
}
