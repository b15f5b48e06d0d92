namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>One stream as DescribeLogStreams lists it. <see cref="StoredBytes"/> is deprecated by AWS and may be 0.</summary>
internal sealed record LogStreamDescription(
    string LogStreamName,
    long? CreationTime,
    long? FirstEventTimestamp,
    long? LastEventTimestamp,
    long? LastIngestionTime = null,
    long? StoredBytes = null);
