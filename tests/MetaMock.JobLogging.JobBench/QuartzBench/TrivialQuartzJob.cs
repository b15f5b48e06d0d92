using Quartz;

namespace MetaMock.JobLogging.JobBench.QuartzBench;

/// <summary>Does nothing but count itself, so the figure is the scheduler's and the integration's cost per firing.</summary>
internal sealed class TrivialQuartzJob : IJob
{
    public static int Remaining;
    public static TaskCompletionSource AllDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref Remaining) == 0)
        {
            AllDone.TrySetResult();
        }

        return default;
    }
}
