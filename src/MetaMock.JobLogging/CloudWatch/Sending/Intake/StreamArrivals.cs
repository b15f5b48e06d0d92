using System.Runtime.InteropServices;
using MetaMock.JobLogging.CloudWatch.Sending.Send;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;

namespace MetaMock.JobLogging.CloudWatch.Sending.Intake;

/// <summary>
/// Where drained events join their streams. Once a round cut a stream's calls, they read its pending list, so an event
/// for it waits aside until the round ends (<see cref="RoundEnded"/>); streams that came to hold a full call are listed for an
/// early send.
/// </summary>
internal sealed class StreamArrivals
{
    /// <summary>Streams that came to hold a full call since the last send.</summary>
    public List<StreamState> FullStreams { get; } = [];

    // Events drained while a round was in flight, in drain order, to add to their streams after it. One list for all
    // streams, not one per stream: 1,000 busy streams would otherwise rent and grow 1,000 arrays every round.
    private readonly List<(StreamState Stream, PendingEvent Event)> _arrived = [];

    /// <summary>The intake's <see cref="PendingSink"/>.</summary>
    public void Accept(StreamState stream, in PendingEvent item)
    {
        if (stream.InRound)
        {
            _arrived.Add((stream, item));
            return;
        }

        stream.Pending.Add(item);
        ListIfFull(stream);
    }

    /// <summary>
    /// A round over <paramref name="roundStreams"/> ended: whatever they still hold is listed again once more events
    /// reach it, and the events set aside during the round join their streams.
    /// </summary>
    public void RoundEnded(List<StreamState> roundStreams)
    {
        foreach (var stream in roundStreams)
        {
            stream.FullCallListed = false;
        }

        FullStreams.RemoveAll(static stream => !stream.FullCallListed);
        foreach (ref readonly var arrival in CollectionsMarshal.AsSpan(_arrived))
        {
            arrival.Stream.Pending.Add(arrival.Event);
            ListIfFull(arrival.Stream);
        }

        // Kept for rounds like this one; a round with far fewer arrivals (a burst is over) lets the array go.
        var moved = _arrived.Count;
        _arrived.Clear();
        if (_arrived.Capacity > 2 * moved)
        {
            _arrived.Capacity = moved;
        }
    }

    private void ListIfFull(StreamState stream)
    {
        if (!stream.FullCallListed && BatchLimits.CloudWatch.IsFullCall(stream.Pending.Count, stream.Pending.MessageBytes))
        {
            stream.FullCallListed = true;
            FullStreams.Add(stream);
        }
    }
}
