namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// The loop's intake as a send round sees it. The intake drains between the round's calls; it sets aside the events
/// that arrive for a stream whose calls are already cut (those calls read its pending list), and lists the streams that
/// come to hold a full call, for an early send.
/// </summary>
internal interface IRoundIntake
{
    /// <summary>Events drained for streams in a round, in drain order, to add to their streams after it.</summary>
    List<(StreamState Stream, PendingEvent Event)> Arrived { get; }

    /// <summary>Streams that came to hold a full call since the last send.</summary>
    List<StreamState> FullStreams { get; }

    /// <summary>Drains what is queued into the streams.</summary>
    void Drain(DateTimeOffset now);

    /// <summary>Lists <paramref name="stream"/> for an early send if it holds a full call and is not listed yet.</summary>
    void ListIfFull(StreamState stream);
}
