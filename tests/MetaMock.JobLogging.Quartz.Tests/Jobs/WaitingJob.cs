using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Jobs;

/// <summary>Waits until the scheduler interrupts it (the test cancels it; it never sleeps a fixed time).</summary>
public sealed class WaitingJob : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await Task.Delay(Timeout.Infinite, cancellationToken);
}
