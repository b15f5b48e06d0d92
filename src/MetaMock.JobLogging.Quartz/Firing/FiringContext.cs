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
        return new FiringEntry(bookmark, scopeLogger.BeginScope(new MetaMockContextScopeState(user, job)));
    }

    /// <summary>
    /// As <see cref="Enter"/>, with nothing to restore by hand: for a caller that runs inside the async method driving
    /// the firing, whose end restores the previous context (see <see cref="FiringContextHook.OnJobScope"/>).
    /// </summary>
    public static void SetForRestOfFiring(UserContext? user, JobContext job, ILogger scopeLogger)
    {
        // Neither the bookmark nor the logger scope holds anything but the value to go back to, so leaving them
        // undisposed releases nothing late; their AsyncLocal entries go away with the firing's ExecutionContext.
        MetaMockLogContext.BeginContext(user, job);
        scopeLogger.BeginScope(new MetaMockContextScopeState(user, job));
    }

    /// <summary>
    /// Whether the attempt with this run id (<see cref="FiringIdentity.RunId"/>) already has its context as the ambient
    /// one, which it has whenever the per-firing hook ran and this is the first attempt. Reads only, so a caller can
    /// decide before it changes anything.
    /// </summary>
    public static bool IsCurrent(string runId) =>
        string.Equals(MetaMockLogContext.GetJobContext()?.TaskRunId, runId, StringComparison.Ordinal);

    /// <summary>Enters the context of the execution attempt with this run id (see <see cref="FiringIdentity.FromExecution"/>).</summary>
    public static FiringEntry EnterAttempt(IJobExecutionContext context, string runId, ILogger scopeLogger)
    {
        var (user, job) = FiringIdentity.FromExecution(context, runId);
        return Enter(user, job, scopeLogger);
    }
}
