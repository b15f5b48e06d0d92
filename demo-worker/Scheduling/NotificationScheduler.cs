using MetaMock.JobLogging;
using MetaMock.JobLogging.Quartz;
using Quartz;

namespace MetaMock.DemoWorker.Scheduling;

/// <summary>
/// Schedules the delayed <c>notify_user</c> Quartz job from inside a Hangfire step, carrying the step's user and job
/// ids in its JobDataMap, so the Quartz job logs into the same <c>jobs/{job_id}</c> stream.
/// </summary>
internal sealed class NotificationScheduler(ISchedulerFactory schedulers, TimeProvider time)
{
    public async Task ScheduleAsync(TimeSpan delay)
    {
        var workflowId = MetaMockLogContext.GetJobContext()?.JobId ?? throw new InvalidOperationException("No workflow context to notify about.");
        var scheduler = await schedulers.GetScheduler().ConfigureAwait(false);
        var job = JobBuilder.Create<NotifyUserJob>()
            .WithIdentity($"notify-{workflowId}", "notifications")
            .UsingMetaMockContext()
            .UsingJobData("task_name", NotifyUserJob.TaskName)
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity($"notify-{workflowId}", "notifications")
            .StartAt(time.GetUtcNow() + delay)
            .Build();
        await scheduler.ScheduleJob(job, trigger).ConfigureAwait(false);
    }
}
