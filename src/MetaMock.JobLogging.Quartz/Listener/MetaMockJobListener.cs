using MetaMock.JobLogging.Quartz.Context;
using MetaMock.JobLogging.Quartz.Firing;
using MetaMock.JobLogging.Quartz.Listener;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Extensibility;

namespace MetaMock.JobLogging.Quartz;

/// <summary>
/// Writes a job's lifecycle lines with its MetaMock context: started (Information), completed with its duration
/// (Information), failed with the exception the job threw (Error), cancelled or vetoed (Warning).
/// </summary>
/// <remarks>
/// Internal: registered alone it would cover only its own lines; <c>UseMetaMockJobContext()</c> adds it together with
/// the per-firing hook that puts the context into <c>Execute</c>. The category name stays part of the contract.
/// </remarks>
internal sealed class MetaMockJobListener : IJobListener
{
    private readonly ILogger _logger;

    /// <summary>Creates the listener; its lines go to the category <c>MetaMock.JobLogging.Quartz.MetaMockJobListener</c>.</summary>
    public MetaMockJobListener(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _logger = loggerFactory.CreateLogger<MetaMockJobListener>();
    }

    /// <summary>The listener's name in Quartz's listener manager.</summary>
    public string Name => "MetaMock.JobLogging";

    /// <inheritdoc />
    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var runId = FiringIdentity.RunId(context);
            using var entry = EnterIfNeeded(context, runId);
            var key = context.JobDetail.Key;
            ListenerLog.Started(_logger, key.Group, key.Name, runId);
        }

        return default;
    }

    /// <inheritdoc />
    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var entry = EnterIfNeeded(context, FiringIdentity.RunId(context));
        var key = context.JobDetail.Key;
        var durationMs = Math.Round(context.JobRunTime.TotalMilliseconds, 1);
        if (jobException is not null)
        {
            var cause = FailureCause.Unwrap(jobException);
            if (context.RetryScheduled)
            {
                ListenerLog.FailedWillRetry(_logger, cause, key.Group, key.Name, durationMs);
            }
            else
            {
                ListenerLog.Failed(_logger, cause, key.Group, key.Name, durationMs);
            }
        }
        else if (context.Outcome == ExecutionOutcome.Cancelled)
        {
            ListenerLog.Cancelled(_logger, key.Group, key.Name, durationMs);
        }
        else
        {
            ListenerLog.Completed(_logger, key.Group, key.Name, durationMs);
        }

        return default;
    }

    /// <inheritdoc />
    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var entry = EnterIfNeeded(context, FiringIdentity.RunId(context));
        ListenerLog.Vetoed(_logger, context.JobDetail.Key.Group, context.JobDetail.Key.Name);
        return default;
    }

    /// <summary>Progress reports are not lifecycle events; nothing is written.</summary>
    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken = default) => default;

    // Registered without the per-firing hook, or on a refire attempt, the ambient context is not this attempt's: the
    // listener then sets it around its own line only (synchronously, so nothing outlives the call).
    private FiringEntry? EnterIfNeeded(IJobExecutionContext context, string runId) =>
        FiringContext.IsCurrent(runId) ? null : FiringContext.EnterAttempt(context, runId, _logger);
}
