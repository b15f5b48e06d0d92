namespace MetaMock.JobLogging.CloudWatch.Sending.Intake;

/// <summary>
/// Where drained events join their streams. Once a round cut a stream's calls, they read its pending list, so an event
/// for it waits in <see cref="Arrived"/> until the round ends; streams that came to hold a full call are listed for an
/// early send.
/// </summary>
internal sealed class StreamArrivals
{
    /// <summary>Streams that came to hold a full call since the last send.</summary>
    public List<StreamState> FullStreams { get; } = [];

    /// <summary>
    /// Events drained while a round was in flight, in drain order, to add to their streams after it. One list for all
    /// streams, not one per stream: 1,000 busy streams would otherwise rent and grow 1,000 arrays every round.
    /// </summary>
    public List<(StreamState Stream, PendingEvent Event)> Arrived { get; } = [];

    /// <summary>The intake's <see cref="PendingSink"/>.</summary>
    public void Accept(StreamState stream, in PendingEvent item)
    {
        if (stream.InRound)
        {
            Arrived.Add((stream, item));
            return;
        }

        stream.Pending.Add(item);
        ListIfFull(stream);
    }

    public void ListIfFull(StreamState stream)
    {
        if (!stream.FullCallListed && BatchLimits.CloudWatch.IsFullCall(stream.Pending.Count, stream.Pending.MessageBytes))
        {
            stream.FullCallListed = true;
            FullStreams.Add(stream);
        }
    }
}
