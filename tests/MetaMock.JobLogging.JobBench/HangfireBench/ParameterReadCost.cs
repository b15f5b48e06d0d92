using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;
using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.JobBench.Measurement;

namespace MetaMock.JobLogging.JobBench.HangfireBench;

/// <summary>
/// The filter's three parameter reads per job (retry count, captured user id, captured job id), through Hangfire's own
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
            [JobParameters.CapturedUserId] = SerializationHelper.Serialize("42", SerializationOption.User),
            [JobParameters.CapturedJobId] = SerializationHelper.Serialize("wf-7", SerializationOption.User),
        };
        var job = new BackgroundJob("1", Job.FromExpression(() => TrivialHangfireJob.Run()), DateTime.UtcNow, snapshot);
        var context = new PerformContext(storage, connection, job, new JobCancellationToken(false));

        var hangfire = new List<double>();
        var stored = new List<double>();
        for (var round = 0; round < rounds + 1; round++)
        {
            var viaHangfire = CpuLoop.MicrosecondsPerCall(jobs, () => Keep(
                context.GetJobParameter<int>(JobParameters.RetryCount, allowStale: true),
                context.GetJobParameter<string?>(JobParameters.CapturedUserId, allowStale: true),
                context.GetJobParameter<string?>(JobParameters.CapturedJobId, allowStale: true)));
            var viaSnapshot = CpuLoop.MicrosecondsPerCall(jobs, () => Keep(
                StoredParameter.Number(context, JobParameters.RetryCount),
                StoredParameter.Text(context, JobParameters.CapturedUserId),
                StoredParameter.Text(context, JobParameters.CapturedJobId)));
            if (round > 0)
            {
                hangfire.Add(viaHangfire);
                stored.Add(viaSnapshot);
            }
        }

        System.Console.WriteLine(
            $"== Hangfire filter, three parameter reads per job: GetJobParameter {Stats.Median(hangfire):F2} cpu-us, " +
            $"snapshot reader {Stats.Median(stored):F2} cpu-us (median of {rounds} x {jobs:N0})");
    }

    // Consumes the reads so the JIT cannot drop them.
    private static void Keep(int retryCount, string? userId, string? jobId) =>
        _sink += retryCount + (userId?.Length ?? 0) + (jobId?.Length ?? 0);
}
