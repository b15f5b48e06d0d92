namespace MetaMock.JobLogging.CloudWatch.Sending.Buffer;

/// <summary>
/// Tells whoever waits on the loop's progress (a flush) that events may have been settled (sent, dropped, or written to
/// the console): at the end of each cycle, each time a call of a round ends, and when the loop and the shutdown's count
/// are over. The waiter takes <see cref="Next"/> before it checks the counters, so a pulse in between still wakes it.
/// </summary>
internal sealed class ProgressSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next pulse.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Events may have been settled: wakes everyone who took <see cref="Next"/>.</summary>
    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
