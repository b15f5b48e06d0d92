namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>One group as DescribeLogGroups lists it; <see cref="RetentionInDays"/> is null when events never expire.</summary>
internal sealed record LogGroupDescription(string LogGroupName, int? RetentionInDays);
