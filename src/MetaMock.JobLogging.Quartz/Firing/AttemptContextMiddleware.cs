using MetaMock.JobLogging.Quartz.Context;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Firing;

/// <summary>
/// Runs <c>Execute</c> in its own async frame with the attempt's context: the hook's context as is, or a fresh one on a
/// <c>RefireImmediately</c> attempt (same FireInstanceId, so it needs its own run id) or when a custom job factory
/// skipped <c>ConfigureJobScope</c>.
/// </summary>
internal sealed class AttemptContextMiddleware : IJobExecutionMiddleware
{
    private readonly FiringContextHook _hook;

    public AttemptContextMiddleware(FiringContextHook hook) => _hook = hook;

    public ValueTask Invoke(IJobExecutionContext context, JobExecutionDelegate next, CancellationToken cancellationToken = default)
    {
        var runId = FiringIdentity.RunId(context);
        return FiringContext.IsCurrent(runId) ? Isolated(context, next, cancellationToken) : InvokeWithin(context, runId, next, cancellationToken);
    }

    // An async method restores the caller's ExecutionContext when it returns, so a context a synchronous Execute sets and
    // never clears stops here instead of reaching the listener's and Quartz's lines after it. No allocation when the job
    // completes synchronously.
    private static async ValueTask Isolated(IJobExecutionContext context, JobExecutionDelegate next, CancellationToken cancellationToken) =>
        await next(context, cancellationToken).ConfigureAwait(false);

    private async ValueTask InvokeWithin(IJobExecutionContext context, string runId, JobExecutionDelegate next, CancellationToken cancellationToken)
    {
        // Entered inside this async method, so the change ends with it and never leaks back into Quartz's frame.
        using (FiringContext.EnterAttempt(context, runId, _hook.ScopeLogger))
        {
            await next(context, cancellationToken).ConfigureAwait(false);
        }
    }
}
