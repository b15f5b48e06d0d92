using System.Collections.Concurrent;
using System.Globalization;
using MetaMock.JobLogging.CloudWatch.Sending.Reporting;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// Creates streams, and their group, when a put found the stream missing. "Already exists" is success. The stream is
/// created first and its group only when that says the group is missing: a group made by the infrastructure, for a role
/// allowed CreateLogStream and PutLogEvents only, is never asked for again. A group is created (with its retention)
/// once for all its streams, not once per stream (CreateLogGroup is limited to a few calls a second per account), and
/// again if it goes missing (deleted meanwhile). A failed attempt is forgotten, so the next send tries again. A
/// retention the endpoint refuses (the role may not set it) is said once and recorded; one that failed for a while
/// (throttled, a 5xx, no answer) is tried again once the stream is made, then with the group's next new streams.
/// Either way the group and its streams are used all the same.
/// </summary>
internal sealed class ResourceCreator
{
    private readonly ICloudWatchLogsClient _client;
    private readonly IReadOnlyDictionary<string, int> _retention;
    private readonly SenderCounters _counters;
    private readonly SenderOutput _output;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _groups = new(StringComparer.Ordinal);
    // Groups this sender created whose retention is still to be set (its last try failed for a while).
    private readonly ConcurrentDictionary<string, byte> _retentionDue = new(StringComparer.Ordinal);

    public ResourceCreator(ICloudWatchLogsClient client, IReadOnlyDictionary<string, int> retentionByGroup, SenderCounters counters, SenderOutput output, TimeProvider time)
    {
        _client = client;
        _retention = retentionByGroup;
        _counters = counters;
        _output = output;
        _time = time;
    }

    public async Task EnsureStreamAsync(StreamState stream, CancellationToken cancellationToken)
    {
        if (stream.Created)
        {
            return;
        }

        var group = stream.Address.Group;
        // A creation of the group this sender had finished before this attempt, if any: should the attempt find the group
        // missing, that creation is stale (the group was deleted since) and the group is created anew.
        var known = _groups.TryGetValue(group, out var before) && before.IsValueCreated && before.Value.IsCompletedSuccessfully ? before : null;
        try
        {
            await CreateStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudWatchLogsException error) when (error.ErrorType == CloudWatchErrors.ResourceNotFound)
        {
            // The group is missing: never created, or deleted since.
            await EnsureGroupAsync(group, known, cancellationToken).ConfigureAwait(false);
            await CreateStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        stream.Created = true;
        if (_retentionDue.TryRemove(group, out _))
        {
            await SetRetentionAsync(group, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After ResourceNotFoundException on a put: the stream (or its group) is missing; it is created again.</summary>
    public static void Forget(StreamState stream) => stream.Created = false;

    private Task CreateStreamAsync(StreamState stream, CancellationToken cancellationToken) =>
        IgnoreAlreadyExists(_client.CreateLogStreamAsync(new CreateLogStreamRequest(stream.Address.Group, stream.Address.Stream), cancellationToken));

    // One creation at a time per group, shared by the streams that find it missing together.
    private async Task EnsureGroupAsync(string group, Lazy<Task>? stale, CancellationToken cancellationToken)
    {
        if (stale is not null)
        {
            _groups.TryRemove(KeyValuePair.Create(group, stale));
        }

        var once = _groups.GetOrAdd(group, g => new Lazy<Task>(() => CreateGroupAsync(g, cancellationToken)));
        try
        {
            await once.Value.ConfigureAwait(false);
        }
        catch
        {
            _groups.TryRemove(KeyValuePair.Create(group, once));
            throw;
        }
    }

    private async Task CreateGroupAsync(string group, CancellationToken cancellationToken)
    {
        await IgnoreAlreadyExists(_client.CreateLogGroupAsync(new CreateLogGroupRequest(group), cancellationToken)).ConfigureAwait(false);
        await SetRetentionAsync(group, cancellationToken).ConfigureAwait(false);
    }

    private async Task SetRetentionAsync(string group, CancellationToken cancellationToken)
    {
        if (!_retention.TryGetValue(group, out var days))
        {
            return;
        }

        try
        {
            await _client.PutRetentionPolicyAsync(new PutRetentionPolicyRequest(group, days), cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (CloudWatchLogsException error) when (!error.IsRetryable)
        {
            // Refused (a role may lack logs:PutRetentionPolicy): optional for the logging itself, so said and the events still go.
            var cause = $"{error.ErrorType} on {error.Operation}";
            _counters.RecordError(cause, _time.GetUtcNow());
            _output.Warning(string.Create(
                CultureInfo.InvariantCulture,
                $"MetaMock.JobLogging: the retention of log group '{group}' could not be set to {days} days ({cause}); the group keeps the retention it has, and logging to it goes on."));
            return;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _counters.RecordError($"{error.GetType().Name} on PutRetentionPolicy; tried again with the group's next new stream", _time.GetUtcNow());
        }

        _retentionDue[group] = 0;
    }

    private static async Task IgnoreAlreadyExists(Task create)
    {
        try
        {
            await create.ConfigureAwait(false);
        }
        catch (CloudWatchLogsException error) when (error.ErrorType == CloudWatchErrors.ResourceAlreadyExists)
        {
            // Created earlier, by us or another process: exactly what was wanted.
        }
    }
}
