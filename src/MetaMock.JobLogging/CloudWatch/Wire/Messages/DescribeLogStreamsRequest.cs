namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// DescribeLogStreams input. CloudWatch refuses <see cref="OrderBy"/> <c>LastEventTime</c> together with a
/// <see cref="LogStreamNamePrefix"/>.
/// </summary>
internal sealed record DescribeLogStreamsRequest(
    string LogGroupName,
    string? LogStreamNamePrefix = null,
    string? NextToken = null,
    string? OrderBy = null,
    bool? Descending = null,
    int? Limit = null);
