namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// GetLogEvents input; <see cref="StartFromHead"/> reads oldest first. With <c>StartFromHead = false</c> and a
/// <see cref="Limit"/>, the page holds the stream's latest events (still oldest first within the page).
/// </summary>
internal sealed record GetLogEventsRequest(
    string LogGroupName,
    string LogStreamName,
    bool? StartFromHead = true,
    string? NextToken = null,
    int? Limit = null,
    long? StartTime = null);
