namespace MetaMock.JobLogging.JobBench.HangfireBench;

/// <summary>A job method that does nothing but count itself, so the figure is Hangfire's and the filter's cost per job.</summary>
public static class TrivialHangfireJob
{
    private static int _remaining;
    private static TaskCompletionSource _allDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the last of the round's jobs has run.</summary>
    public static Task AllDone => _allDone.Task;

    public static void Expect(int count)
    {
        _remaining = count;
        _allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The job.</summary>
    public static void Run()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _allDone.TrySetResult();
        }
    }
}
