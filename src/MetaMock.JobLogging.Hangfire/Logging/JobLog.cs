using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Logging;

/// <summary>The lines this package writes about a job, each with the job's own context active.</summary>
internal static partial class JobLog
{
    /// <summary>The category of every line this package writes.</summary>
    public const string Category = "MetaMock.JobLogging.Hangfire";

    /// <summary>The application's logger when a factory is known, else Hangfire's log provider.</summary>
    public static ILogger Create(ILoggerFactory? loggerFactory) =>
        loggerFactory?.CreateLogger(Category) ?? HangfireLogBridge.Instance;

    // The exception travels as the record's exception, printed once after the message; repeating its text in the
    // message would print it twice.
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Task {TaskName} failed on attempt {Attempt}")]
    public static partial void Failed(ILogger logger, Exception exception, string taskName, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Task {TaskName} will be retried: attempt {NextAttempt} runs as {NextRunId} ({Reason})")]
    public static partial void WillRetry(ILogger logger, string taskName, int nextAttempt, string nextRunId, string? reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Task {TaskName} was interrupted by server shutdown on attempt {Attempt}; Hangfire will run it again")]
    public static partial void Interrupted(ILogger logger, string taskName, int attempt);
}
