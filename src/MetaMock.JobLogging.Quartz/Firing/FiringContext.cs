using MetaMock.JobLogging.Quartz.Context;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Firing;

/// <summary>Sets a firing's MetaMock context and its logger scope together, the one way every hook in this package does it.</summary>
internal static class FiringContext
{
    /// <summary>
    /// Replaces every context field (null included: the scheduler's threads inherit whatever context started it) and opens
    /// the four-field logger scope, until the returned entry is disposed.
    /// </summary>
    public static FiringEntry Enter(UserContext? user, JobContext job, ILogger scopeLogger)
    {
        var bookmark = MetaMockLogContext.BeginContext(user, job);
        return new FiringEntry(bookmark, scopeLogger.BeginScope(new ContextScopeState(user, job)));
    }

    /// <summary>
    /// Whether this execution attempt's context is already the ambient one, which it is whenever the per-firing hook ran
    /// and this is the first attempt. Reads only, so a caller can decide before it changes anything.
    /// </summary>
    public static bool IsCurrent(IJobExecutionContext context)
    {
        var ambientRunId = MetaMockLogContext.GetJobContext()?.TaskRunId;
        return context.RefireCount == 0
            ? string.Equals(ambientRunId, context.FireInstanceId, StringComparison.Ordinal)
            : string.Equals(ambientRunId, FiringIdentity.RunId(context), StringComparison.Ordinal);
    }

    /// <summary>Enters this execution attempt's context (see <see cref="FiringIdentity.FromExecution"/>).</summary>
    public static FiringEntry EnterAttempt(IJobExecutionContext context, ILogger scopeLogger)
    {
        var (user, job) = FiringIdentity.FromExecution(context);
        return Enter(user, job, scopeLogger);
    }
}
