namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>PutLogEvents input. No sequence token: CloudWatch has ignored them since 2023.</summary>
internal sealed record PutLogEventsRequest(string LogGroupName, string LogStreamName, IReadOnlyList<InputLogEvent> LogEvents);
