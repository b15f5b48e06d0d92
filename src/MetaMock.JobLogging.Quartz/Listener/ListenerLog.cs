using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Listener;

/// <summary>The listener's lifecycle lines, source-generated so a disabled level costs nothing.</summary>
internal static partial class ListenerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Job {JobKey} started (run {RunId})")]
    public static partial void Started(ILogger logger, JobKey jobKey, string runId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Job {JobKey} completed in {DurationMs} ms")]
    public static partial void Completed(ILogger logger, JobKey jobKey, double durationMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Job {JobKey} failed after {DurationMs} ms")]
    public static partial void Failed(ILogger logger, Exception exception, JobKey jobKey, double durationMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Job {JobKey} failed after {DurationMs} ms; Quartz scheduled a retry")]
    public static partial void FailedWillRetry(ILogger logger, Exception exception, JobKey jobKey, double durationMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Job {JobKey} was cancelled after {DurationMs} ms")]
    public static partial void Cancelled(ILogger logger, JobKey jobKey, double durationMs);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Job {JobKey} was vetoed and did not run")]
    public static partial void Vetoed(ILogger logger, JobKey jobKey);
}
