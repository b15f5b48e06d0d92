using MetaMock.JobLogging.CloudWatch.Sending.Streams;

namespace MetaMock.JobLogging.CloudWatch.Sending.Intake;

/// <summary>Where the intake hands each formatted event: the stream's pending list, or the list of arrivals during a round.</summary>
internal delegate void PendingSink(StreamState stream, in PendingEvent item);
