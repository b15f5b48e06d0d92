using MetaMock.JobLogging;
using MetaMock.DemoWorker.Workflow;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.DemoWorker.Scheduling;

/// <summary>
/// The Quartz job a workflow schedules when it is done; it logs with the workflow's user and job ids, and records the
/// workflow as finished in the job storage, where the process that started it is waiting.
/// </summary>
internal sealed class NotifyUserJob(WorkflowStore store, ILogger<NotifyUserJob> logger) : IJob
{
    public const string TaskName = "notify_user";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var job = MetaMockLogContext.GetJobContext()!;
        var user = MetaMockLogContext.GetUserContext();
        logger.LogInformation("Notified user {UserId}: bulk generation {WorkflowId} is ready", user?.UserId, job.JobId);
        store.Completed(job.JobId);
        return ValueTask.CompletedTask;
    }
}
