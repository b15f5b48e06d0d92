namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>DescribeLogGroups output.</summary>
internal sealed record DescribeLogGroupsResponse(IReadOnlyList<LogGroupDescription>? LogGroups, string? NextToken);
