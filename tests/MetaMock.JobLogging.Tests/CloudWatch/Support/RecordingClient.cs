using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>
/// An in-memory CloudWatch that enforces every PutLogEvents rule moto does not (count, bytes with 26 per event, event
/// size, chronological order, 24 h span) and records each accepted call per stream; a put to a stream not created yet
/// is answered ResourceNotFoundException, as CloudWatch does.
/// A rule broken is recorded as a violation, so a property test can report the exact call.
/// </summary>
internal sealed class RecordingClient : ICloudWatchLogsClient, ICloudWatchClientSource
{
    private readonly ConcurrentDictionary<string, byte> _groups = new();
    private readonly ConcurrentDictionary<(string Group, string Stream), ConcurrentQueue<TextEvent>> _streams = new();
    private int _groupCreates;
    private int _streamCreates;

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>CreateLogGroup calls received.</summary>
    public int GroupCreates => Volatile.Read(ref _groupCreates);

    /// <summary>CreateLogStream calls received.</summary>
    public int StreamCreates => Volatile.Read(ref _streamCreates);

    /// <summary>What someone deleting the group does: it and its streams are gone, puts and creations find them missing.</summary>
    public void DeleteGroup(string group)
    {
        _groups.TryRemove(group, out _);
        foreach (var key in _streams.Keys.Where(k => k.Group == group))
        {
            _streams.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// A stream's events as CloudWatch (and moto) return them: by timestamp, equal timestamps in arrival order. The
    /// sender puts a stream's calls concurrently, so arrival order alone is not the order a reader sees.
    /// </summary>
    public IReadOnlyList<TextEvent> Events(string group, string stream) =>
        _streams.TryGetValue((group, stream), out var events) ? events.OrderBy(e => e.Timestamp).ToList() : [];

    /// <summary>Every stream's events, each stream as <see cref="Events"/> gives it.</summary>
    public IReadOnlyList<TextEvent> AllEvents => [.. _streams.Keys.SelectMany(key => Events(key.Group, key.Stream))];

    public Task<ICloudWatchLogsClient> CreateAsync(MetaMockLoggingOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<ICloudWatchLogsClient>(this);

    public Task CreateLogGroupAsync(CreateLogGroupRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _groupCreates);
        _groups.TryAdd(request.LogGroupName, 0);
        return Task.CompletedTask;
    }

    public Task CreateLogStreamAsync(CreateLogStreamRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _streamCreates);
        if (!_groups.ContainsKey(request.LogGroupName))
        {
            throw new CloudWatchLogsException("CreateLogStream", System.Net.HttpStatusCode.BadRequest, "ResourceNotFoundException", "The specified log group does not exist.");
        }

        _streams.TryAdd((request.LogGroupName, request.LogStreamName), new ConcurrentQueue<TextEvent>());
        return Task.CompletedTask;
    }

    public Task PutRetentionPolicyAsync(PutRetentionPolicyRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<PutLogEventsResponse> PutLogEventsAsync(ILogEventBatch batch, CancellationToken cancellationToken)
    {
        Check(Enumerable.Range(0, batch.Count).All(i => Utf8.IsValid(batch.Message(i))), "a message that is not valid UTF-8");
        Check(ValidName(batch.LogStreamName), $"an invalid stream name {batch.LogStreamName}");
        var events = TextBatch.Read(batch);
        var bytes = events.Sum(e => Encoding.UTF8.GetByteCount(e.Message) + 26L);
        Check(events.Count is >= 1 and <= 10_000, $"{events.Count} events in one call");
        Check(bytes <= 1_048_576, $"{bytes} bytes in one call");
        Check(events.All(e => e.Message.Length > 0 && Encoding.UTF8.GetByteCount(e.Message) <= 1_048_550), "an event over 1,048,550 bytes");
        Check(events.Zip(events.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp), "events out of chronological order");
        Check(events[^1].Timestamp - events[0].Timestamp < TimeSpan.FromHours(24).TotalMilliseconds, "a call spanning 24 h or more");
        if (!_streams.TryGetValue((batch.LogGroupName, batch.LogStreamName), out var stream))
        {
            // What CloudWatch answers; the sender puts first and creates the stream only then.
            throw new CloudWatchLogsException("PutLogEvents", System.Net.HttpStatusCode.BadRequest, "ResourceNotFoundException", "The specified log stream does not exist.");
        }

        foreach (var item in events)
        {
            stream.Enqueue(item);
        }

        return Task.FromResult(new PutLogEventsResponse(null));
    }

    public Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DescribeLogStreamsResponse> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<GetLogEventsResponse> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    // 1-512 characters, no ':' or '*', and valid UTF-16 (so it encodes to valid UTF-8 on the wire).
    private static bool ValidName(string name) =>
        name.Length is > 0 and <= 512 && name.AsSpan().IndexOfAny(':', '*') < 0 && Safety.Hostile.IsValidUtf8(name);

    private void Check(bool rule, string violation)
    {
        if (!rule)
        {
            Violations.Enqueue(violation);
        }
    }
}
