namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>PutLogEvents output; only the rejected-events report matters to the sender.</summary>
internal sealed record PutLogEventsResponse(RejectedLogEventsInfo? RejectedLogEventsInfo);
