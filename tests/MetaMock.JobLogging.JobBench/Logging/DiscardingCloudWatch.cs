using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.JobBench.Logging;

/// <summary>
/// A CloudWatch endpoint that accepts and forgets everything, at the package's client boundary: the provider's capture,
/// buffer, per-job streams, batching and event formatting all run; only JSON serialization, signing and HTTP do not.
/// </summary>
internal sealed class DiscardingCloudWatch : ICloudWatchLogsClient, ICloudWatchClientSource
{
    private long _events;

    public long Events => Interlocked.Read(ref _events);

    public Task<ICloudWatchLogsClient> CreateAsync(MetaMockLoggingOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<ICloudWatchLogsClient>(this);

    public Task CreateLogGroupAsync(CreateLogGroupRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CreateLogStreamAsync(CreateLogStreamRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PutRetentionPolicyAsync(PutRetentionPolicyRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<PutLogEventsResponse> PutLogEventsAsync(PutLogEventsRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _events, request.LogEvents.Count);
        return Task.FromResult(new PutLogEventsResponse(null));
    }

    public Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new DescribeLogGroupsResponse([], null));

    public Task<DescribeLogStreamsResponse> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new DescribeLogStreamsResponse([], null));

    public Task<GetLogEventsResponse> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GetLogEventsResponse([], null, null));

    public Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new FilterLogEventsResponse([], null));
}
