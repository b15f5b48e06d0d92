using System.Runtime.CompilerServices;

namespace MetaMock.JobLogging.CloudWatch.Wire.Reading;

/// <summary>
/// Reads a job's stream through the same wire client the sender writes with (signing, endpoint, credentials, and the
/// retry of throttling, 5xx and connection failures). Pages follow CloudWatch's rules: a page may be empty while
/// more remains, and the end is the forward token coming back unchanged.
/// </summary>
internal sealed class LogStreamReader : IDisposable
{
    /// <summary>50 streams a page: the newest 1,000 streams of the group are searched for a prefix.</summary>
    public const int MaxListedPages = 20;

    private readonly ICloudWatchLogsClient _client;

    /// <summary>A reader over <paramref name="client"/>, which it disposes with itself.</summary>
    public LogStreamReader(ICloudWatchLogsClient client) => _client = client;

    /// <summary>One page. Throws <see cref="CloudWatchLogsException"/> (ResourceNotFoundException for a missing stream).</summary>
    public async Task<LogPage> ReadPageAsync(StreamAddress address, ReadStart start, int? limit, CancellationToken cancellationToken)
    {
        var response = await _client.GetLogEventsAsync(start.Request(address, limit), cancellationToken).ConfigureAwait(false);
        var token = response.NextForwardToken;
        var atEnd = token is null || (start.Token is not null && string.Equals(token, start.Token, StringComparison.Ordinal));
        return new LogPage(response.Events ?? [], token ?? start.Token, atEnd);
    }

    /// <summary>
    /// Every page from <paramref name="start"/> to the current end; the last one yielded has <see cref="LogPage.AtEnd"/>
    /// set and its token is where to poll for events that arrive later.
    /// </summary>
    public async IAsyncEnumerable<LogPage> ReadToEndAsync(
        StreamAddress address,
        ReadStart start,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await ReadPageAsync(address, start, null, cancellationToken).ConfigureAwait(false);
            yield return page;
            if (page.AtEnd)
            {
                yield break;
            }

            start = ReadStart.After(page.ForwardToken);
        }
    }

    /// <summary>
    /// The group's streams whose names start with <paramref name="prefix"/>, most recently written first, at most
    /// <paramref name="limit"/>. CloudWatch orders by last event time only when no prefix is given, so the prefix is
    /// applied here, over at most <see cref="MaxListedPages"/> pages of the newest streams.
    /// </summary>
    public async Task<IReadOnlyList<LogStreamDescription>> RecentStreamsAsync(string group, string prefix, int limit, CancellationToken cancellationToken)
    {
        var found = new List<LogStreamDescription>();
        string? token = null;
        for (var page = 0; page < MaxListedPages && found.Count < limit; page++)
        {
            var response = await _client.DescribeLogStreamsAsync(
                new DescribeLogStreamsRequest(group, null, token, "LastEventTime", true, 50), cancellationToken).ConfigureAwait(false);
            found.AddRange((response.LogStreams ?? []).Where(s => s.LogStreamName.StartsWith(prefix, StringComparison.Ordinal)));
            token = response.NextToken;
            if (token is null)
            {
                break;
            }
        }

        return found.Take(limit).ToList();
    }

    public void Dispose() => (_client as IDisposable)?.Dispose();
}
