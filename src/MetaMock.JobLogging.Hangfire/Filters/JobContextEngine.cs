using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Filters;

/// <summary>
/// The work behind both the attribute and the global filter: capture the enqueuer's context, set the job's
/// context around each attempt, and say when an attempt failed or will be retried.
/// </summary>
/// <remarks>
/// Hangfire may hand a job two MetaMock filters (the global one and an attribute). Both resolve the same winning
/// settings, and only the first to run acts: <see cref="ActiveRun"/> in the job's Items marks a perform, and
/// <see cref="RetryNoticesWritten"/> marks a state change, so no line is written twice.
/// </remarks>
internal sealed class JobContextEngine
{
    // Hangfire's AutomaticRetryAttribute starts every retry state's reason with this (its own "retries" set uses the same test).
    private const string RetryReasonPrefix = "Retry attempt";

    private static readonly ConditionalWeakTable<ApplyStateContext, object> RetryNoticesWritten = new();

    private readonly ILogger _logger;
    private readonly JobPlanCache _plans;

    public JobContextEngine(ILogger logger, JobSettings defaults)
    {
        _logger = logger;
        _plans = new JobPlanCache(defaults);
    }

    public void OnCreating(CreatingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Resolving the plan here makes a misnamed argument fail at enqueue, in the caller's face, not in a worker.
        _plans.For(context.Job);

        // Recurring runs are created on the server's scheduler thread, which carries whatever context existed when the
        // server was built (or the dashboard's, on a manual trigger): each run is its own workflow instead.
        var captured = context.Parameters.ContainsKey(JobParameters.RecurringJobId)
            ? default
            : new CapturedIds(MetaMockLogContext.GetUserContext()?.UserId, MetaMockLogContext.GetJobContext()?.JobId);

        // Written even when empty: the stored retry count spares each attempt a second parameter read (see CapturedIds).
        context.SetJobParameter(JobParameters.CapturedContext, captured.ForRetry(0).Format());
    }

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.ContainsKey(ActiveRun.ItemKey))
        {
            return;
        }

        var backgroundJob = context.BackgroundJob;
        var captured = CapturedIds.Read(context);
        var identity = _plans.For(backgroundJob.Job).Identify(
            backgroundJob.Job,
            backgroundJob.Id,
            captured.RetryCount ?? StoredParameter.Number(context, JobParameters.RetryCount),
            captured);

        // Every field is replaced, null included: the worker thread carries whatever context existed when the server was built.
        var bookmark = MetaMockLogContext.BeginContext(identity.User, identity.Job);
        IDisposable? scope;
        try
        {
            scope = _logger.BeginScope(new MetaMockContextScopeState(identity.User, identity.Job));
        }
        catch
        {
            bookmark.Dispose();
            throw;
        }

        context.Items[ActiveRun.ItemKey] = new ActiveRun(this, identity, bookmark, scope);
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Items.TryGetValue(ActiveRun.ItemKey, out var item) || item is not ActiveRun run || !ReferenceEquals(run.Owner, this))
        {
            return;
        }

        context.Items.Remove(ActiveRun.ItemKey);
        using (run)
        {
            if (context.Exception is { } exception && !context.ExceptionHandled)
            {
                // Written before the context is restored, so the line lands in the job's own stream.
                ReportFailure(run.Identity, exception, context.CancellationToken.ShutdownToken.IsCancellationRequested);
            }
        }
    }

    public void OnStateApplied(ApplyStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsRetryAfterFailedAttempt(context) || !RetryNoticesWritten.TryAdd(context, context))
        {
            return;
        }

        // A job whose method cannot be loaded, or whose attribute names a missing argument, failed before it ran and
        // Hangfire recorded why; throwing here would break the retry's state change, so it gets no notice.
        var backgroundJob = context.BackgroundJob;
        if (backgroundJob.Job is not { } job || !_plans.TryFor(job, out var plan))
        {
            return;
        }

        // AutomaticRetry has just stored the next attempt's counter; the snapshot still holds the failed one's.
        var nextRetryCount = context.GetJobParameter<int>(JobParameters.RetryCount, allowStale: false);
        var captured = CapturedIds.Read(context);
        var failed = plan.Identify(
            job,
            backgroundJob.Id,
            Math.Max(nextRetryCount - 1, 0),
            captured);

        // The next attempt, on whichever worker fetches it, reads its retry count from here, with the ids, in one read.
        context.Connection.SetJobParameter(
            backgroundJob.Id,
            JobParameters.CapturedContext,
            SerializationHelper.Serialize(captured.ForRetry(nextRetryCount).Format(), SerializationOption.User));

        using (MetaMockLogContext.BeginContext(failed.User, failed.Job))
        using (_logger.BeginScope(new MetaMockContextScopeState(failed.User, failed.Job)))
        {
            JobLog.WillRetry(_logger, failed.Job.TaskName!, nextRetryCount + 1, RunId.For(backgroundJob.Id, nextRetryCount), RetryCount(context.NewState.Reason));
        }
    }

    // Hangfire's reason is "Retry attempt 1 of 3: <the exception's message>"; the failure's ERROR record already
    // carries the exception, so the retry line keeps only the count.
    private static string? RetryCount(string? reason) =>
        reason?.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? reason[..colon] : reason;

    private static bool IsRetryAfterFailedAttempt(ApplyStateContext context) =>
        string.Equals(context.OldStateName, ProcessingState.StateName, StringComparison.OrdinalIgnoreCase)
        && context.NewState is ScheduledState or EnqueuedState
        && context.NewState.Reason is { } reason
        && reason.StartsWith(RetryReasonPrefix, StringComparison.OrdinalIgnoreCase);

    private void ReportFailure(JobIdentity identity, Exception exception, bool shuttingDown)
    {
        // Hangfire rethrows a shutdown's cancellation as is and puts the job back in its queue: not a failure.
        if (exception is OperationCanceledException && shuttingDown)
        {
            JobLog.Interrupted(_logger, identity.Job.TaskName!, identity.Attempt);
            return;
        }

        // Hangfire wraps what the job threw; the job's stream should say what really went wrong.
        var real = exception is JobPerformanceException { InnerException: { } inner } ? inner : exception;
        JobLog.Failed(_logger, real, identity.Job.TaskName!, identity.Attempt);
    }
}
