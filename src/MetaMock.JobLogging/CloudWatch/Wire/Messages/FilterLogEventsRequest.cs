namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>FilterLogEvents input: events of a group, optionally of some streams, matching a pattern.</summary>
internal sealed record FilterLogEventsRequest(
    string LogGroupName,
    IReadOnlyList<string>? LogStreamNames = null,
    string? FilterPattern = null,
    long? StartTime = null,
    long? EndTime = null,
    string? NextToken = null);
