namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>PutRetentionPolicy input: retention is a property of the group, never of a stream.</summary>
internal sealed record PutRetentionPolicyRequest(string LogGroupName, int RetentionInDays);
