using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Jobs;

/// <summary>A synchronous job: logs in Execute and from a Task.Run child it blocks on.</summary>
public sealed class SyncLoggingJob(ILogger<SyncLoggingJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var marker = context.MergedJobDataMap.GetString("marker");
        logger.LogInformation("sync execute {Marker}", marker);
        Task.Run(() => logger.LogInformation("sync child {Marker}", marker), cancellationToken).GetAwaiter().GetResult();
        return default;
    }
}
