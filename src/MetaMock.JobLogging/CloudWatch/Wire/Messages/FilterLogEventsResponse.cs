namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>FilterLogEvents output.</summary>
internal sealed record FilterLogEventsResponse(IReadOnlyList<FilteredLogEvent>? Events, string? NextToken);
