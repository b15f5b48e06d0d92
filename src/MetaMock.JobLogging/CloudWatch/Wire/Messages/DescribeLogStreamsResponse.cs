namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>DescribeLogStreams output.</summary>
internal sealed record DescribeLogStreamsResponse(IReadOnlyList<LogStreamDescription>? LogStreams, string? NextToken);
