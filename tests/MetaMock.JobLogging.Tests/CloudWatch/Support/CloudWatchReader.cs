using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>Reads back what the sender wrote, with the package's own signed client (a real HTTP round trip to moto).</summary>
public sealed class CloudWatchReader : IDisposable
{
    private readonly CloudWatchLogsHttpClient _client;

    public CloudWatchReader(Uri endpoint) => _client = WireClients.For(endpoint);

    public async Task<List<string>> MessagesAsync(string group, string stream) =>
        (await WireClients.ReadAllAsync(_client, group, stream)).Select(e => e.Message).ToList();

    public async Task<List<string>> StreamsAsync(string group)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await _client.DescribeLogStreamsAsync(new DescribeLogStreamsRequest(group, null, token), CancellationToken.None);
            names.AddRange((page.LogStreams ?? []).Select(s => s.LogStreamName));
            token = page.NextToken;
        }
        while (token is not null);
        return names;
    }

    public async Task<int?> RetentionAsync(string group)
    {
        var page = await _client.DescribeLogGroupsAsync(new DescribeLogGroupsRequest(group), CancellationToken.None);
        return page.LogGroups?.Single(g => g.LogGroupName == group).RetentionInDays;
    }

    public void Dispose() => _client.Dispose();
}
