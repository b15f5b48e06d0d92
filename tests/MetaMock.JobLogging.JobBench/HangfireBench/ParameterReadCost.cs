using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;
using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.JobBench.Measurement;

namespace MetaMock.JobLogging.JobBench.HangfireBench;

/// <summary>
/// The filter's two parameter reads per job (retry count, captured ids), through Hangfire's own
/// <c>GetJobParameter</c> and through <see cref="StoredParameter"/>: a single-threaded loop, so unlike the throughput
/// figures it barely moves with the neighbours' load (<c>--breakdown</c>).
/// </summary>
internal static class ParameterReadCost
{
    private static long _sink;

    public static void Run(int jobs, int rounds)
    {
        using var storage = new InMemoryStorage();
        using var connection = storage.GetConnection();
        var snapshot = new Dictionary<string, string>
        {
            [JobParameters.CapturedContext] = SerializationHelper.Serialize(new CapturedIds("42", "wf-7").Format(), SerializationOption.User),
        };
        var job = new BackgroundJob("1", Job.FromExpression(() => TrivialHangfireJob.Run()), DateTime.UtcNow, snapshot);
        var context = new PerformContext(storage, connection, job, new JobCancellationToken(false));

        var hangfire = new List<double>();
        var stored = new List<double>();
        for (var round = 0; round < rounds + 1; round++)
        {
            var viaHangfire = CpuLoop.MicrosecondsPerCall(jobs, () => Keep(
                context.GetJobParameter<int>(JobParameters.RetryCount, allowStale: true),
                CapturedIds.Parse(context.GetJobParameter<string?>(JobParameters.CapturedContext, allowStale: true))));
            var viaSnapshot = CpuLoop.MicrosecondsPerCall(jobs, () => Keep(
                StoredParameter.Number(context, JobParameters.RetryCount),
                CapturedIds.Read(context)));
            if (round > 0)
            {
                hangfire.Add(viaHangfire);
                stored.Add(viaSnapshot);
            }
        }

        System.Console.WriteLine(
            $"== Hangfire filter, two parameter reads per job: GetJobParameter {Stats.Median(hangfire):F2} cpu-us, " +
            $"snapshot reader {Stats.Median(stored):F2} cpu-us (median of {rounds} x {jobs:N0})");
    }

    // Consumes the reads so the JIT cannot drop them.
    private static void Keep(int retryCount, CapturedIds captured) =>
        _sink += retryCount + (captured.UserId?.Length ?? 0) + (captured.JobId?.Length ?? 0);
}
