using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Jobs;

/// <summary>Asks Quartz to re-run it immediately twice (same FireInstanceId), then succeeds on the third attempt.</summary>
public sealed class RefiringJob(ILogger<RefiringJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        logger.LogInformation("refire attempt {RefireCount}", context.RefireCount);
        if (context.RefireCount < 2)
        {
            throw new JobExecutionException("try again") { RefireImmediately = true };
        }
    }
}
