using MetaMock.JobLogging.Quartz.Context;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Extensibility;

namespace MetaMock.JobLogging.Quartz.Firing;

/// <summary>
/// The per-firing hook, run by Quartz's job factory through <c>ConfigureJobScope</c> before the job is built.
/// </summary>
/// <remarks>
/// Quartz runs that callback synchronously inside the async method that drives the whole firing (the run shell's
/// <c>Run</c>), so a context set here stays in place for the trigger and job listeners, <c>Execute</c> (after awaits and
/// in <c>Task.Run</c> children), <c>JobWasExecuted</c> and Quartz's own "threw an unhandled Exception" line. A listener
/// cannot do this: Quartz calls listeners from an async method of its own, which discards their AsyncLocal changes when
/// it returns.
/// </remarks>
internal sealed class FiringContextHook
{
    private readonly ILogger _scopeLogger;

    public FiringContextHook(ILoggerFactory loggerFactory) =>
        _scopeLogger = loggerFactory.CreateLogger(typeof(FiringContextHook).Namespace!);

    /// <summary>The logger the four-field scope is opened on (every logger of a factory shares its scopes).</summary>
    public ILogger ScopeLogger => _scopeLogger;

    /// <summary>The <c>ConfigureJobScope</c> callback: sets the firing's context for the rest of the firing.</summary>
    /// <remarks>
    /// Nothing restores it explicitly, and nothing needs to: the change is made inside the run shell's async method, and
    /// the runtime puts the caller's ExecutionContext back when that method returns, so the context ends with the firing
    /// and never reaches the scheduler's thread or the next firing. An explicit restore could not even take effect: the
    /// only end-of-firing call the callback could hook, the DI scope's disposal, runs inside Quartz's async
    /// <c>ReturnJob</c>, whose AsyncLocal changes are discarded the same way. Resolving a scoped service per firing to
    /// hold one cost about 1 us and 500 bytes per firing.
    /// </remarks>
    public static void OnJobScope(IServiceScope scope, TriggerFiredBundle bundle, IScheduler scheduler)
    {
        var hook = scope.ServiceProvider.GetRequiredService<FiringContextHook>();
        var (user, job) = FiringIdentity.FromBundle(bundle);
        FiringContext.SetForRestOfFiring(user, job, hook._scopeLogger);
    }
}
