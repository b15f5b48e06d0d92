using MetaMock.JobLogging;
using MetaMock.DemoWorker.Workflow;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.DemoWorker.Scheduling;

/// <summary>The Quartz job a workflow schedules when it is done; it logs with the workflow's user and job ids.</summary>
internal sealed class NotifyUserJob(WorkflowTracker tracker, ILogger<NotifyUserJob> logger) : IJob
{
    public const string TaskName = "notify_user";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var job = MetaMockLogContext.GetJobContext()!;
        var user = MetaMockLogContext.GetUserContext();
        logger.LogInformation("Notified user {UserId}: bulk generation {WorkflowId} is ready", user?.UserId, job.JobId);
        tracker.Completed(job.JobId);
        return ValueTask.CompletedTask;
    }
}
