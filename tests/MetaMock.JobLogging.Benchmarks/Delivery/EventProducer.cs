using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// Logs the way a job does: the job context set once, then a block of lines. Jobs are visited in turn, ten lines at a
/// time, so events of every stream are in the buffer together. Each message carries <c>seq=N</c>.
/// </summary>
internal static class EventProducer
{
    public const int LinesPerBlock = 10;

    public static string[] JobIds(int count) => [.. Enumerable.Range(0, count).Select(i => $"job-{i:D6}")];

    public static void Produce(ILogger logger, string[] jobIds, long firstSequence, long count, string payload)
    {
        var sequence = firstSequence;
        var end = firstSequence + count;
        var job = 0;
        while (sequence < end)
        {
            MetaMockLogContext.SetJobContext(jobIds[job]);
            for (var line = 0; line < LinesPerBlock && sequence < end; line++, sequence++)
            {
                logger.LogInformation("Rendered seq={Sequence} {Payload}", sequence, payload);
            }

            job = (job + 1) % jobIds.Length;
        }

        MetaMockLogContext.ClearJobContext();
    }

    /// <summary>Runs <see cref="Produce"/> on its own thread, so the caller's thread pool is not taken.</summary>
    public static Task ProduceOnThread(ILogger logger, string[] jobIds, long firstSequence, long count, string payload) =>
        Task.Factory.StartNew(
            () => Produce(logger, jobIds, firstSequence, count, payload),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}
