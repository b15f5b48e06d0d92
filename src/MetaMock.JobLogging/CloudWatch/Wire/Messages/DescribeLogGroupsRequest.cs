namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>DescribeLogGroups input.</summary>
internal sealed record DescribeLogGroupsRequest(string? LogGroupNamePrefix = null, string? NextToken = null);
