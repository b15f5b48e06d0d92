namespace MetaMock.JobLogging.CloudWatch.Sending.Buffer;

/// <summary>
/// Wakes the background loop early (buffer filling up, a writer waiting, shutdown). The loop otherwise sleeps for the
/// flush interval on the <see cref="TimeProvider"/>, so tests drive it without sleeping.
/// </summary>
internal sealed class FlushSignal
{
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        var wake = Volatile.Read(ref _wake);
        if (!wake.Task.IsCompleted)
        {
            using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(interval, time, stopDelay.Token);
            await Task.WhenAny(wake.Task, delay).ConfigureAwait(false);
            await stopDelay.CancelAsync().ConfigureAwait(false);
        }

        if (wake.Task.IsCompleted)
        {
            // A wake arriving between the check and this swap lands on the old source; the next tick covers it.
            Interlocked.CompareExchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), wake);
        }
    }
}
