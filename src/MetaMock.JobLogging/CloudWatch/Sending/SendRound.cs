using System.Collections.Concurrent;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// One round of sending: every stream with pending events is cut into calls, streams not yet known to exist are
/// created, then the calls are put with a bounded degree of parallelism over CALLS, not streams, so one busy stream
/// uses every slot (CloudWatch allows concurrent puts to one stream). After a stream's call fails, its later calls
/// are skipped this round (their events stay pending, as before a failure stopped the stream's sequential calls).
/// </summary>
internal static class SendRound
{
    /// <summary>
    /// Runs the round; each failure (other than the shutdown deadline) is handed to <paramref name="failed"/>. With
    /// <paramref name="fullCallsOnly"/>, only full calls are put (see <see cref="StreamSender.Plan"/>).
    /// </summary>
    public static async Task RunAsync(
        StreamSender sender,
        IReadOnlyList<StreamState> streams,
        bool fullCallsOnly,
        int parallelism,
        Action<Exception> failed,
        CancellationToken cancellationToken)
    {
        var calls = new List<PutCall>();
        foreach (var stream in streams)
        {
            calls.AddRange(sender.Plan(stream, fullCallsOnly));
        }

        var failedStreams = new ConcurrentDictionary<StreamState, bool>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        try
        {
            await Parallel.ForEachAsync(streams.Where(s => !s.Created), parallel, async (stream, _) =>
                await GuardAsync(stream, () => sender.EnsureStreamAsync(stream, cancellationToken)).ConfigureAwait(false)).ConfigureAwait(false);

            await Parallel.ForEachAsync(Enumerable.Range(0, calls.Count), parallel, async (index, _) =>
            {
                var call = calls[index];
                try
                {
                    if (call.AfterPrevious)
                    {
                        await calls[index - 1].Done.Task.ConfigureAwait(false);
                    }

                    if (call.Stream.Created && !failedStreams.ContainsKey(call.Stream))
                    {
                        await GuardAsync(call.Stream, () => sender.PutAsync(call, cancellationToken)).ConfigureAwait(false);
                    }
                }
                finally
                {
                    call.Done.TrySetResult();
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            foreach (var stream in streams)
            {
                StreamSender.Complete(stream);
            }
        }

        async Task GuardAsync(StreamState stream, Func<Task> action)
        {
            try
            {
                await action().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutdown deadline: the events stay pending and are reported as undelivered.
                failedStreams[stream] = true;
            }
#pragma warning disable CA1031 // Every failure is reported to the loop, which backs off; no event is lost by it.
            catch (Exception error)
#pragma warning restore CA1031
            {
                failedStreams[stream] = true;
                failed(error);
            }
        }
    }
}
