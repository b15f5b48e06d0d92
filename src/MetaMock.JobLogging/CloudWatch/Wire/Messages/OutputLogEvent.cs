namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>One event as GetLogEvents returns it.</summary>
internal sealed record OutputLogEvent(long Timestamp, string Message, long? IngestionTime);
