namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// The CloudWatch Logs operations this package uses. The sender knows only this contract, so another transport
/// (or a test sink) can stand in for the HTTP client. Failures surface as <see cref="CloudWatchLogsException"/>
/// (a service error), <see cref="HttpRequestException"/> (no answer) or, for PutLogEvents, <see cref="AnswerLostException"/>
/// (sent, but no answer: it may be stored), after the client's own retries.
/// </summary>
internal interface ICloudWatchLogsClient
{
    Task CreateLogGroupAsync(CreateLogGroupRequest request, CancellationToken cancellationToken);

    Task CreateLogStreamAsync(CreateLogStreamRequest request, CancellationToken cancellationToken);

    Task PutRetentionPolicyAsync(PutRetentionPolicyRequest request, CancellationToken cancellationToken);

    Task<PutLogEventsResponse> PutLogEventsAsync(ILogEventBatch batch, CancellationToken cancellationToken);

    Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken);

    Task<DescribeLogStreamsResponse> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken cancellationToken);

    Task<GetLogEventsResponse> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken);

    Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken);
}
