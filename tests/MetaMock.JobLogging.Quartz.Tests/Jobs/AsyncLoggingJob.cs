using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Jobs;

/// <summary>An asynchronous job: logs before and after awaits that leave the thread, and from a Task.Run child.</summary>
public sealed class AsyncLoggingJob(ILogger<AsyncLoggingJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var marker = context.MergedJobDataMap.GetString("marker");
        logger.LogInformation("async before {Marker}", marker);
        await Task.Yield();
        logger.LogInformation("async after yield {Marker}", marker);
        await Task.Delay(1, cancellationToken);
        await Task.Run(() => logger.LogInformation("async child {Marker}", marker), cancellationToken);
        logger.LogInformation("async done {Marker}", marker);
    }
}
