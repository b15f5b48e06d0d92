namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>GetLogEvents input; <see cref="StartFromHead"/> reads oldest first.</summary>
internal sealed record GetLogEventsRequest(string LogGroupName, string LogStreamName, bool? StartFromHead = true, string? NextToken = null);
