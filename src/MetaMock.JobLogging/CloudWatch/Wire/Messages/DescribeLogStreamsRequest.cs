namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>DescribeLogStreams input.</summary>
internal sealed record DescribeLogStreamsRequest(string LogGroupName, string? LogStreamNamePrefix = null, string? NextToken = null);
