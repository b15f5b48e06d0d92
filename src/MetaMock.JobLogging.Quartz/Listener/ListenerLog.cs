using Microsoft.Extensions.Logging;
namespace MetaMock.JobLogging.Quartz.Listener;

/// <summary>The listener's lifecycle lines, source-generated so a disabled level costs nothing.</summary>
/// <remarks>
/// The job key is passed as its two strings (it prints as <c>group.name</c> all the same): with only immutable values,
/// the sender formats the line instead of the firing's thread (see the core's deferred messages), and a JSON line
/// carries the group and the name as properties of their own.
/// </remarks>
internal static partial class ListenerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Job {JobGroup}.{JobName} started (run {RunId})")]
    public static partial void Started(ILogger logger, string jobGroup, string jobName, string runId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Job {JobGroup}.{JobName} completed in {DurationMs} ms")]
    public static partial void Completed(ILogger logger, string jobGroup, string jobName, double durationMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Job {JobGroup}.{JobName} failed after {DurationMs} ms")]
    public static partial void Failed(ILogger logger, Exception exception, string jobGroup, string jobName, double durationMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Job {JobGroup}.{JobName} failed after {DurationMs} ms; Quartz scheduled a retry")]
    public static partial void FailedWillRetry(ILogger logger, Exception exception, string jobGroup, string jobName, double durationMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Job {JobGroup}.{JobName} was cancelled after {DurationMs} ms")]
    public static partial void Cancelled(ILogger logger, string jobGroup, string jobName, double durationMs);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Job {JobGroup}.{JobName} was vetoed and did not run")]
    public static partial void Vetoed(ILogger logger, string jobGroup, string jobName);
}
