using Hangfire.Client;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Filters;

/// <summary>
/// The filter <c>UseMetaMockJobContext</c> registers for every job. It is its own type, not the attribute, so
/// Hangfire's de-duplication of same-type filters never drops it (and the logger factory it carries) in favour of
/// an attribute; a job's own attribute still wins on settings, through <see cref="JobPlanCache"/>.
/// </summary>
internal sealed class MetaMockJobContextFilter : IClientFilter, IServerFilter, IApplyStateFilter
{
    private readonly JobContextEngine _engine;

    public MetaMockJobContextFilter(ILoggerFactory? loggerFactory, JobSettings defaults)
    {
        LoggerFactory = loggerFactory;
        Defaults = defaults;
        _engine = new JobContextEngine(JobLog.Create(loggerFactory), defaults);
    }

    /// <summary>The factory failure lines and scopes go to; null means Hangfire's own log provider.</summary>
    public ILoggerFactory? LoggerFactory { get; }

    /// <summary>The settings for jobs without their own attribute; the dashboard panel resolves a job's stream with them.</summary>
    public JobSettings Defaults { get; }

    public void OnCreating(CreatingContext context) => _engine.OnCreating(context);

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context) => _engine.OnPerforming(context);

    public void OnPerformed(PerformedContext context) => _engine.OnPerformed(context);

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) => _engine.OnStateApplied(context);

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
