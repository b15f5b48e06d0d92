using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Jobs;

/// <summary>Sets a user context inside Execute and never clears it, as careless job code would.</summary>
public sealed class ContextLeakingJob(ILogger<ContextLeakingJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        MetaMockLogContext.SetUserContext("leaked-user");
        logger.LogInformation("leaking job ran");
        return default;
    }
}
