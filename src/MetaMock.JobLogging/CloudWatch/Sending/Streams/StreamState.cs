using MetaMock.JobLogging.CloudWatch.Sending.Send;

namespace MetaMock.JobLogging.CloudWatch.Sending.Streams;

/// <summary>One stream the sender knows: its events awaiting a call, whether it exists, when it was last used.</summary>
internal sealed class StreamState
{
    private TimeSpan _createBackoff;

    public StreamState(StreamAddress address) => Address = address;

    public StreamAddress Address { get; }

    /// <summary>Touched by the loop between sends, and by one send task at a time during them.</summary>
    public PendingEvents Pending { get; } = new();

    /// <summary>True once a put to it succeeded or CreateLogStream did (or said it already exists).</summary>
    public bool Created { get; set; }

    public DateTimeOffset LastUsed { get; set; }

    /// <summary>True while the stream is listed for an early send (it holds a full call); the loop clears it after a send.</summary>
    public bool FullCallListed { get; set; }

    /// <summary>
    /// True from the moment a send round cut the stream's calls until the round ends: its pending list is then read by
    /// the calls, so events drained meanwhile wait aside. Set and cleared by the loop.
    /// </summary>
    public bool InRound { get; set; }

    /// <summary>Before this time the stream is not sent: its creation was throttled (the events wait, still counted).</summary>
    public DateTimeOffset RetryAt { get; private set; }

    /// <summary>
    /// CreateLogStream was throttled (an account-wide limit of 50 a second): this stream waits, doubling from one second
    /// to thirty, with jitter so a fleet's workers do not come back in step; the other streams go on.
    /// </summary>
    public void DeferCreation(DateTimeOffset now)
    {
        _createBackoff = Backoff.Next(_createBackoff);
#pragma warning disable CA5394 // Jitter, not security.
        RetryAt = now + (_createBackoff * (0.75 + (Random.Shared.NextDouble() / 2)));
#pragma warning restore CA5394
    }

    /// <summary>A put went through: the stream exists, and any creation backoff is over.</summary>
    public void Confirm()
    {
        Created = true;
        _createBackoff = TimeSpan.Zero;
        RetryAt = default;
    }
}
