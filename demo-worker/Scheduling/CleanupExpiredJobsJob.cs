using MetaMock.DemoWorker.Workflow;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.DemoWorker.Scheduling;

/// <summary>A recurring maintenance job, as a worker would run beside its workflows.</summary>
[DisallowConcurrentExecution]
internal sealed class CleanupExpiredJobsJob(WorkflowTracker tracker, ILogger<CleanupExpiredJobsJob> logger) : IJob
{
    public const string TaskName = "cleanup_expired_jobs";

    public static readonly JobKey Key = new(TaskName, "maintenance");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Checked {Workflows} workflows for expired results; nothing to clean up", tracker.WorkflowIds.Count);
        return ValueTask.CompletedTask;
    }
}
