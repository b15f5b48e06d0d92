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
    private const string Group = "notifications";

    public async Task ScheduleAsync(TimeSpan delay)
    {
        var workflowId = MetaMockLogContext.GetJobContext()?.JobId ?? throw new InvalidOperationException("No workflow context to notify about.");
        var scheduler = await schedulers.GetScheduler().ConfigureAwait(false);
        var job = JobBuilder.Create<NotifyUserJob>()
            .WithIdentity($"notify-{workflowId}", Group)
            .UsingMetaMockContext()
            .UsingJobData("task_name", NotifyUserJob.TaskName)
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity($"notify-{workflowId}", Group)
            .StartAt(time.GetUtcNow() + delay)
            .Build();
        await scheduler.ScheduleJob(job, trigger).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until every notification this process scheduled has fired. They live in this process's in-memory Quartz
    /// only, and may belong to workflows another process is waiting for, so a worker that exits drains them first.
    /// </summary>
    public async Task WhenScheduledFiredAsync(TimeSpan poll, CancellationToken cancellation)
    {
        var scheduler = await schedulers.GetScheduler(cancellation).ConfigureAwait(false);
        while ((await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellation).ConfigureAwait(false)).Count > 0)
        {
            await Task.Delay(poll, cancellation).ConfigureAwait(false);
        }
    }
}
