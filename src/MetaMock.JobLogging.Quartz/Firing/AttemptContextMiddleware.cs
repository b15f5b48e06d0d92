using Quartz;

namespace MetaMock.JobLogging.Quartz.Firing;

/// <summary>
/// Sets the attempt's context around <c>Execute</c> when the per-firing hook did not: on a <c>RefireImmediately</c>
/// attempt (same FireInstanceId, so it needs its own run id), or when a custom job factory skipped <c>ConfigureJobScope</c>.
/// </summary>
internal sealed class AttemptContextMiddleware : IJobExecutionMiddleware
{
    private readonly FiringContextHook _hook;

    public AttemptContextMiddleware(FiringContextHook hook) => _hook = hook;

    public ValueTask Invoke(IJobExecutionContext context, JobExecutionDelegate next, CancellationToken cancellationToken = default) =>
        // The common case (the hook already set this firing's context) costs one string comparison and no state machine.
        FiringContext.IsCurrent(context) ? next(context, cancellationToken) : InvokeWithin(context, next, cancellationToken);

    private async ValueTask InvokeWithin(IJobExecutionContext context, JobExecutionDelegate next, CancellationToken cancellationToken)
    {
        // Entered inside this async method, so the change ends with it and never leaks back into Quartz's frame.
        using (FiringContext.EnterAttempt(context, _hook.ScopeLogger))
        {
            await next(context, cancellationToken).ConfigureAwait(false);
        }
    }
}
