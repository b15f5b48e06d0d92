using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Tests.CloudWatch.Wire.Reading;

/// <summary>Answers GetLogEvents with the given pages in turn; every other call is a test error.</summary>
internal sealed class ScriptedPages(params GetLogEventsResponse[] pages) : ICloudWatchLogsClient
{
    private int _next;

    public Task<GetLogEventsResponse> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(pages[_next++]);

    public Task CreateLogGroupAsync(CreateLogGroupRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CreateLogStreamAsync(CreateLogStreamRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task PutRetentionPolicyAsync(PutRetentionPolicyRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PutLogEventsResponse> PutLogEventsAsync(ILogEventBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DescribeLogStreamsResponse> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
}
