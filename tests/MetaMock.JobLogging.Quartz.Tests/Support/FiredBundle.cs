using Quartz;
using Quartz.Extensibility;

namespace MetaMock.JobLogging.Quartz.Tests.Support;

/// <summary>
/// What Quartz's scheduler hands the job factory for one firing, made by hand so the per-firing hook can be called
/// directly (linked into the JobBench program as well).
/// </summary>
internal static class FiredBundle
{
    /// <summary>A bundle for firing <paramref name="job"/> now, its trigger carrying <paramref name="fireInstanceId"/>.</summary>
    public static TriggerFiredBundle For(IJobDetail job, string fireInstanceId)
    {
        var trigger = (IOperableTrigger)TriggerBuilder.Create().ForJob(job).StartNow().Build();
        trigger.FireInstanceId = fireInstanceId;
        return new TriggerFiredBundle
        {
            JobDetail = job,
            Trigger = trigger,
            FireTimeUtc = DateTimeOffset.UtcNow,
            ScheduledFireTimeUtc = null,
            PreviousFireTimeUtc = null,
            NextFireTimeUtc = null,
            Recovering = false,
        };
    }
}
