using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Jobs;

/// <summary>Logs once, awaits, then throws an unhandled exception carrying its marker.</summary>
public sealed class FailingJob(ILogger<FailingJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var marker = context.MergedJobDataMap.GetString("marker");
        logger.LogInformation("about to fail {Marker} attempt {RetryAttempt}", marker, context.RetryAttempt);
        await Task.Yield();
        throw new InvalidOperationException("boom " + marker);
    }
}
