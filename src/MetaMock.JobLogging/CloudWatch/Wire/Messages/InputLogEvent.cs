namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>One event of a PutLogEvents call: milliseconds since the Unix epoch and the message text.</summary>
internal sealed record InputLogEvent(long Timestamp, string Message);
