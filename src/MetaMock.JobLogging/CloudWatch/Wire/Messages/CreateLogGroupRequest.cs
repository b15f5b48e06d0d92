namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>CreateLogGroup input.</summary>
internal sealed record CreateLogGroupRequest(string LogGroupName);
