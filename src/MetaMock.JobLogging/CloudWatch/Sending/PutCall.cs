namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// One PutLogEvents call of a send round: a slice of a stream's sorted events. A call that begins in the
/// millisecond its predecessor ended in is put only after it (<see cref="AfterPrevious"/>), so CloudWatch, which orders a
/// stream by timestamp alone, keeps equal-time lines in the order they were logged.
/// </summary>
internal sealed class PutCall
{
    public PutCall(StreamState stream, PendingBatch events, bool afterPrevious)
    {
        Stream = stream;
        Events = events;
        AfterPrevious = afterPrevious;
    }

    public StreamState Stream { get; }

    public PendingBatch Events { get; }

    public bool AfterPrevious { get; }

    /// <summary>Completes when the call was put, failed or was skipped; a chained successor waits on it.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
