namespace MetaMock.JobLogging.CloudWatch.Sending.Buffer;

/// <summary>The outcome of handing one event to the buffer.</summary>
internal enum BufferWriteResult
{
    Accepted,
    Full,
    Closed,
}
