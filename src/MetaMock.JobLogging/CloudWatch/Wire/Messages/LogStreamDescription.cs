namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>One stream as DescribeLogStreams lists it.</summary>
internal sealed record LogStreamDescription(string LogStreamName, long? CreationTime, long? FirstEventTimestamp, long? LastEventTimestamp);
