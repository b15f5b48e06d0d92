namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>A segment a dead process left unsettled, and the offset from which its events still need delivering.</summary>
internal sealed record RecoveredSegment(FileSegment Segment, int DeliverFrom);
