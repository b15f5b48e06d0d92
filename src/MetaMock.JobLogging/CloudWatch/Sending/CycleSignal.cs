namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Tells whoever waits on the loop's progress (a flush) that a cycle ended, so events may have been settled: sent,
/// dropped, or written to the console. The waiter takes <see cref="Next"/> before it checks the counters, so a cycle
/// that ends in between still wakes it.
/// </summary>
internal sealed class CycleSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the cycle under way, or the next one, ends.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>A cycle ended: wakes everyone who took <see cref="Next"/>.</summary>
    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
