using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// Logs the way a job does: the job context set once, then a block of lines. Jobs are visited in turn, ten lines at a
/// time, so events of every stream are in the buffer together. Each message carries <c>seq=N</c>.
/// </summary>
internal static class EventProducer
{
    public const int LinesPerBlock = 10;

    /// <summary>The id of job <paramref name="index"/>; made when needed, so the benchmark holds no list of ids.</summary>
    public static string JobId(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"job-{index:D6}");

    /// <summary>Logs <paramref name="count"/> lines over jobs <paramref name="firstJob"/> to <paramref name="firstJob"/> + <paramref name="jobs"/> - 1.</summary>
    public static void Produce(ILogger logger, int jobs, long firstSequence, long count, string payload, int firstJob = 0)
    {
        var sequence = firstSequence;
        var end = firstSequence + count;
        var job = 0;
        while (sequence < end)
        {
            MetaMockLogContext.SetJobContext(JobId(firstJob + job));
            for (var line = 0; line < LinesPerBlock && sequence < end; line++, sequence++)
            {
                logger.LogInformation("Rendered seq={Sequence} {Payload}", sequence, payload);
            }

            job = (job + 1) % jobs;
        }

        MetaMockLogContext.ClearJobContext();
    }

    /// <summary>Runs <see cref="Produce"/> on its own thread, so the caller's thread pool is not taken.</summary>
    public static Task ProduceOnThread(ILogger logger, int jobs, long firstSequence, long count, string payload) =>
        Task.Factory.StartNew(
            () => Produce(logger, jobs, firstSequence, count, payload),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}
