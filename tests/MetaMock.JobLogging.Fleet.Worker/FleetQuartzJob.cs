using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Fleet.Worker;

/// <summary>A clustered Quartz job: says which node fired it, then holds its thread a little so firings spread.</summary>
public sealed class FleetQuartzJob(ILogger<FleetQuartzJob> logger, WorkerIdentity worker) : IJob
{
    /// <summary>The JobDataMap key of the test's marker.</summary>
    public const string MarkerKey = "marker";

    /// <summary>Logs one line, then waits 300 ms (cancelled on shutdown).</summary>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        logger.LogInformation("quartz {Marker} {Firing} on {Worker}", context.MergedJobDataMap.GetString(MarkerKey), context.JobDetail.Key.Name, worker.Name);
        await Task.Delay(300, cancellationToken).ConfigureAwait(false);
    }
}
