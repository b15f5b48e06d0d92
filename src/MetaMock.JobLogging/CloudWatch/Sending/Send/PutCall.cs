using MetaMock.JobLogging.CloudWatch.Sending.Streams;

namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// One PutLogEvents call of a send round: a slice of a stream's sorted events. A call that begins in the millisecond
/// its predecessor ended in, or any later call of a stream not yet known to exist (its first put may create it), is
/// put only after <see cref="Previous"/>, so CloudWatch, which orders a stream by timestamp alone, keeps equal-time
/// lines in the order they were logged, and a new stream is created once.
/// </summary>
internal sealed class PutCall
{
    public PutCall(StreamState stream, PendingBatch events, PutCall? previous)
    {
        Stream = stream;
        Events = events;
        Previous = previous;
    }

    public StreamState Stream { get; }

    public PendingBatch Events { get; }

    /// <summary>The call this one must wait for, or null.</summary>
    public PutCall? Previous { get; }

    /// <summary>Completes when the call was put, failed or was skipped; a chained successor waits on it.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
