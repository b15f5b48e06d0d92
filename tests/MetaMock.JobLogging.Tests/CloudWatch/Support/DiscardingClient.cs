using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>A CloudWatch that accepts and forgets everything: for measuring the log call with the sender really draining.</summary>
internal sealed class DiscardingClient : ICloudWatchLogsClient, ICloudWatchClientSource
{
    private long _events;
    private long _puts;
    private Awaited? _awaited;

    public long Events => Interlocked.Read(ref _events);

    /// <summary>PutLogEvents calls made, whether they succeeded or not.</summary>
    public long Puts => Interlocked.Read(ref _puts);

    /// <summary>When set, each PutLogEvents waits for it: a slow endpoint, while the log calls go on.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>The gate is awaited without the call's cancellation token: a call that never ends, even past the shutdown deadline.</summary>
    public bool GateIgnoresCancellation { get; set; }

    /// <summary>When set, each PutLogEvents throws it (after the gate): an endpoint that refuses or fails.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Completed when the first PutLogEvents arrives.</summary>
    public TaskCompletionSource FirstPut { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once <see cref="Events"/> reaches <paramref name="target"/>, woken by the put that gets there: a
    /// benchmark waiting for delivery this way burns no CPU polling, which it would bill to the variant that logs.
    /// One waiter at a time.
    /// </summary>
    public Task WhenEventsReach(long target)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _awaited, new Awaited(target, reached));
        if (Events >= target)
        {
            reached.TrySetResult();
        }

        return reached.Task;
    }

    public Task<ICloudWatchLogsClient> CreateAsync(MetaMockLoggingOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<ICloudWatchLogsClient>(this);

    public Task CreateLogGroupAsync(CreateLogGroupRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CreateLogStreamAsync(CreateLogStreamRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PutRetentionPolicyAsync(PutRetentionPolicyRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<PutLogEventsResponse> PutLogEventsAsync(ILogEventBatch batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _puts);
        FirstPut.TrySetResult();
        if (Gate is { } gate)
        {
            await (GateIgnoresCancellation ? gate.Task : gate.Task.WaitAsync(cancellationToken));
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        var total = Interlocked.Add(ref _events, batch.Count);
        if (Volatile.Read(ref _awaited) is { } awaited && total >= awaited.Target)
        {
            awaited.Reached.TrySetResult();
        }

        return new PutLogEventsResponse(null);
    }

    public Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new DescribeLogGroupsResponse([], null));

    public Task<DescribeLogStreamsResponse> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new DescribeLogStreamsResponse([], null));

    public Task<GetLogEventsResponse> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GetLogEventsResponse([], null, null));

    public Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new FilterLogEventsResponse([], null));

    private sealed record Awaited(long Target, TaskCompletionSource Reached);
}
