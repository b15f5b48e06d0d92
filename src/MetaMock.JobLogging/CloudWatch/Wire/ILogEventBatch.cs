namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// The events of one PutLogEvents call, already in UTF-8 and chronological order: the client writes each message
/// into the request body as it is, without a string or an object per event.
/// </summary>
internal interface ILogEventBatch
{
    string LogGroupName { get; }

    string LogStreamName { get; }

    int Count { get; }

    /// <summary>UTF-8 bytes of every message together (without the per-event overhead): sizes the request body.</summary>
    long MessageBytes { get; }

    /// <summary>Milliseconds since the Unix epoch.</summary>
    long Timestamp(int index);

    /// <summary>The message's UTF-8 bytes.</summary>
    ReadOnlySpan<byte> Message(int index);
}
