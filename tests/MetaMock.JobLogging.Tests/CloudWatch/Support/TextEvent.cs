namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>One event of a PutLogEvents call as a test writes or reads it: milliseconds since the Unix epoch and the text.</summary>
public sealed record TextEvent(long Timestamp, string Message);
