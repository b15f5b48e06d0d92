namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>One event as FilterLogEvents returns it, with the stream it came from.</summary>
internal sealed record FilteredLogEvent(string LogStreamName, long Timestamp, string Message, string? EventId);
