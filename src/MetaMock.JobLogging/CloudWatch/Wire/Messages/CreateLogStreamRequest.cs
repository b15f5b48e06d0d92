namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>CreateLogStream input.</summary>
internal sealed record CreateLogStreamRequest(string LogGroupName, string LogStreamName);
