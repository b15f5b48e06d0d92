using System.Collections.Concurrent;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// Creates streams, and their group, when a put found the stream missing. "Already exists" is success. A group is
/// created (with its retention) once per sender, at its first missing stream, not once per stream: CreateLogGroup is
/// limited to a few calls a second per account. A failed attempt is forgotten, so the next send tries again; a stream
/// whose creation says the group is missing (deleted meanwhile) has the group created again.
/// </summary>
internal sealed class ResourceCreator
{
    private readonly ICloudWatchLogsClient _client;
    private readonly IReadOnlyDictionary<string, int> _retention;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _groups = new(StringComparer.Ordinal);

    public ResourceCreator(ICloudWatchLogsClient client, IReadOnlyDictionary<string, int> retentionByGroup)
    {
        _client = client;
        _retention = retentionByGroup;
    }

    public async Task EnsureStreamAsync(StreamState stream, CancellationToken cancellationToken)
    {
        if (stream.Created)
        {
            return;
        }

        var group = stream.Address.Group;
        await EnsureGroupAsync(group, cancellationToken).ConfigureAwait(false);
        try
        {
            await CreateStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudWatchLogsException error) when (error.ErrorType == CloudWatchErrors.ResourceNotFound)
        {
            // The group was deleted since this sender created it.
            _groups.TryRemove(group, out _);
            await EnsureGroupAsync(group, cancellationToken).ConfigureAwait(false);
            await CreateStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        stream.Created = true;
    }

    /// <summary>After ResourceNotFoundException on a put: the stream (or its group) is missing; it is created again.</summary>
    public static void Forget(StreamState stream) => stream.Created = false;

    private Task CreateStreamAsync(StreamState stream, CancellationToken cancellationToken) =>
        IgnoreAlreadyExists(_client.CreateLogStreamAsync(new CreateLogStreamRequest(stream.Address.Group, stream.Address.Stream), cancellationToken));

    private async Task EnsureGroupAsync(string group, CancellationToken cancellationToken)
    {
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
        if (_retention.TryGetValue(group, out var days))
        {
            await _client.PutRetentionPolicyAsync(new PutRetentionPolicyRequest(group, days), cancellationToken).ConfigureAwait(false);
        }
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
