namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// The events CloudWatch accepted the call for but dropped: indexes into the batch. Events from
/// <see cref="TooNewLogEventStartIndex"/> (inclusive) are too new; those before <see cref="TooOldLogEventEndIndex"/>
/// and <see cref="ExpiredLogEventEndIndex"/> (exclusive) too old or past retention.
/// </summary>
internal sealed record RejectedLogEventsInfo(int? TooNewLogEventStartIndex, int? TooOldLogEventEndIndex, int? ExpiredLogEventEndIndex);
