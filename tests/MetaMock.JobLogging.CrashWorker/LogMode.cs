using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CrashWorker;

/// <summary>
/// Logs with no pause, round-robin over the job streams: line 0 of every stream, then line 1, and so on. Each thread
/// owns the streams congruent to its number, so a stream's lines are logged one after the other, in index order.
/// </summary>
internal static class LogMode
{
    public static void Run(ILogger logger, CrashArguments arguments, ProgressFile progress)
    {
        var threads = Enumerable.Range(0, arguments.Threads)
            .Select(first => new Thread(() => Write(logger, arguments, progress, first)) { IsBackground = true, Name = $"crash-writer-{first}" })
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    private static void Write(ILogger logger, CrashArguments arguments, ProgressFile progress, int first)
    {
        for (long index = 0; arguments.Count is not { } count || index < count; index++)
        {
            for (var stream = first; stream < arguments.Streams; stream += arguments.Threads)
            {
                using (MetaMockLogContext.BeginJobContext(CrashArguments.JobId(stream), "crash"))
                {
                    logger.LogInformation("crash-line={Index} stream={Stream}", index, stream);
                }

                // Only now: the call has returned, so from here on the line must survive a kill.
                progress.Returned(stream, index);
            }
        }
    }
}
