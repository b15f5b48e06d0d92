using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Extensibility;

namespace MetaMock.JobLogging.Quartz.Firing;

/// <summary>
/// The per-firing hook, run by Quartz's job factory through <c>ConfigureJobScope</c> before the job is built.
/// </summary>
/// <remarks>
/// Quartz runs that callback synchronously inside the async method that drives the whole firing, so a context set here
/// stays in place for the trigger and job listeners, <c>Execute</c> (after awaits and in <c>Task.Run</c> children),
/// <c>JobWasExecuted</c> and Quartz's own "threw an unhandled Exception" line. A listener cannot do this: Quartz calls
/// listeners from an async method of its own, which discards their AsyncLocal changes when it returns.
/// </remarks>
internal sealed class FiringContextHook
{
    private readonly ILogger _scopeLogger;

    public FiringContextHook(ILoggerFactory loggerFactory) =>
        _scopeLogger = loggerFactory.CreateLogger(typeof(FiringContextHook).Namespace!);

    /// <summary>The logger the four-field scope is opened on (every logger of a factory shares its scopes).</summary>
    public ILogger ScopeLogger => _scopeLogger;

    /// <summary>The <c>ConfigureJobScope</c> callback: enters the firing's context and hands it to the scope to restore.</summary>
    /// <remarks>The job factory disposes this scope when the firing is over (ReturnJob), which restores the previous context.</remarks>
    public static void OnJobScope(IServiceScope scope, TriggerFiredBundle bundle, IScheduler scheduler) =>
        scope.ServiceProvider.GetRequiredService<FiringRestorer>().Enter(bundle);
}
