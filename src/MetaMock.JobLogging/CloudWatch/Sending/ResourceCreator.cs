using System.Collections.Concurrent;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Creates groups (with their retention) and streams on first use. "Already exists" is success. A group is created
/// once per sender (a failed attempt is forgotten, so the next send tries again).
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

        await EnsureGroupAsync(stream.Address.Group, cancellationToken).ConfigureAwait(false);
        await IgnoreAlreadyExists(_client.CreateLogStreamAsync(
            new CreateLogStreamRequest(stream.Address.Group, stream.Address.Stream), cancellationToken)).ConfigureAwait(false);
        stream.Created = true;
    }

    /// <summary>After ResourceNotFoundException: someone deleted the stream or group; create both again.</summary>
    public void Forget(StreamState stream)
    {
        stream.Created = false;
        _groups.TryRemove(stream.Address.Group, out _);
    }

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
