namespace MetaMock.JobLogging.CloudWatch.Sending.Pacing;

/// <summary>What a cycle sends.</summary>
internal enum SendScope
{
    /// <summary>Nothing: not yet time, or a backoff holds the send back.</summary>
    Nothing,

    /// <summary>The full calls of the streams listed as holding one; the rest of each waits to fill or for the round.</summary>
    FullCalls,

    /// <summary>Every stream with events, all it holds.</summary>
    Everything,
}
