namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>One stream the sender knows: its events awaiting a call, whether it exists, when it was last used.</summary>
internal sealed class StreamState
{
    public StreamState(StreamAddress address) => Address = address;

    public StreamAddress Address { get; }

    /// <summary>Touched by the loop between sends, and by one send task at a time during them.</summary>
    public PendingEvents Pending { get; } = new();

    /// <summary>True once CreateLogStream succeeded (or said it already exists).</summary>
    public bool Created { get; set; }

    public DateTimeOffset LastUsed { get; set; }

    /// <summary>True while the stream is listed for an early send (it holds a full call); the loop clears it after a send.</summary>
    public bool FullCallListed { get; set; }
}
