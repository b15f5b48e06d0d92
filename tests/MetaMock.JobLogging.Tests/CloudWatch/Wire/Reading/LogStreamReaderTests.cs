using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.CloudWatch.Wire.Reading;
using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Tests.CloudWatch.Wire.Reading;

[Collection(UsesMoto.Name)]
public sealed class LogStreamReaderTests(MotoFixture moto)
{
    [Fact]
    public async Task Pages_follow_the_forward_token_until_it_comes_back_unchanged()
    {
        var address = await WriteAsync("paging", 25);
        using var reader = new LogStreamReader(WireClients.For(moto.Endpoint));

        var sizes = new List<int>();
        var messages = new List<string>();
        var start = ReadStart.Head;
        LogPage page;
        do
        {
            page = await reader.ReadPageAsync(address, start, 10, CancellationToken.None);
            sizes.Add(page.Events.Count);
            messages.AddRange(page.Events.Select(e => e.Message));
            start = ReadStart.After(page.ForwardToken);
        }
        while (!page.AtEnd);

        Assert.Equal(Enumerable.Range(0, 25).Select(Line), messages);
        Assert.Equal(0, sizes[^1]);
        Assert.Equal(25, sizes.Sum());
    }

    [Fact]
    public async Task Polling_with_the_last_token_returns_only_what_arrived_since()
    {
        var address = await WriteAsync("poll", 3);
        using var client = WireClients.For(moto.Endpoint);
        using var reader = new LogStreamReader(WireClients.For(moto.Endpoint));
        var first = await ReadAllAsync(reader, address, ReadStart.Head);

        await client.PutLogEventsAsync(
            new TextBatch(address.Group, address.Stream, [new TextEvent(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 100, "later")]), CancellationToken.None);
        var second = await ReadAllAsync(reader, address, ReadStart.After(first.Token));

        Assert.Equal(3, first.Messages.Count);
        Assert.Equal(["later"], second.Messages);
    }

    [Fact]
    public async Task The_latest_events_come_oldest_first()
    {
        var address = await WriteAsync("latest", 12);
        using var reader = new LogStreamReader(WireClients.For(moto.Endpoint));

        var page = await reader.ReadPageAsync(address, ReadStart.LatestEvents(4), null, CancellationToken.None);

        Assert.Equal(Enumerable.Range(8, 4).Select(Line), page.Events.Select(e => e.Message));
    }

    [Fact]
    public async Task Throttled_reads_are_retried_and_nothing_is_missed()
    {
        var address = await WriteAsync("throttle", 30);
        using var proxy = new FaultProxy(moto.Endpoint) { ThrottleEvery = 2 };
        proxy.Start();
        using var reader = new LogStreamReader(WireClients.For(proxy.Endpoint));

        var read = new List<string>();
        var start = ReadStart.Head;
        LogPage page;
        do
        {
            page = await reader.ReadPageAsync(address, start, 7, CancellationToken.None);
            read.AddRange(page.Events.Select(e => e.Message));
            start = ReadStart.After(page.ForwardToken);
        }
        while (!page.AtEnd);

        Assert.Equal(Enumerable.Range(0, 30).Select(Line), read);
        Assert.True(proxy.Calls > 6, $"every second call was throttled, so more calls than pages were made ({proxy.Calls})");
    }

    [Fact]
    public async Task An_empty_page_with_a_new_token_is_not_the_end()
    {
        // CloudWatch may answer an empty page while more remains; moto never does, so a scripted client stands in.
        var client = new ScriptedPages(
            new GetLogEventsResponse([], "t1", null),
            new GetLogEventsResponse([], "t2", null),
            new GetLogEventsResponse([new OutputLogEvent(1, "found", null)], "t3", null),
            new GetLogEventsResponse([], "t3", null));
        using var reader = new LogStreamReader(client);

        var pages = new List<LogPage>();
        await foreach (var page in reader.ReadToEndAsync(new StreamAddress("g", "jobs/x"), ReadStart.Head, CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal(["found"], pages.SelectMany(p => p.Events).Select(e => e.Message));
        Assert.Equal(4, pages.Count);
        Assert.True(pages[^1].AtEnd);
        Assert.Equal("t3", pages[^1].ForwardToken);
    }

    [Fact]
    public async Task A_missing_stream_is_reported_as_ResourceNotFound()
    {
        var address = await WriteAsync("missing", 1);
        using var reader = new LogStreamReader(WireClients.For(moto.Endpoint));

        var error = await Assert.ThrowsAsync<CloudWatchLogsException>(
            () => reader.ReadPageAsync(address with { Stream = "jobs/never" }, ReadStart.Head, null, CancellationToken.None));

        Assert.Equal(CloudWatchErrors.ResourceNotFound, error.ErrorType);
    }

    [Fact]
    public async Task Recent_streams_are_the_newest_under_the_prefix()
    {
        using var client = WireClients.For(moto.Endpoint);
        var group = WireClients.UniqueGroup("recent");
        await client.CreateLogGroupAsync(new CreateLogGroupRequest(group), CancellationToken.None);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var (stream, age) in new[] { ("jobs/old", 3000), ("other/newest", 0), ("jobs/newer", 1000), ("jobs/mid", 2000) })
        {
            await client.CreateLogStreamAsync(new CreateLogStreamRequest(group, stream), CancellationToken.None);
            await client.PutLogEventsAsync(new TextBatch(group, stream, [new TextEvent(now - age, "x")]), CancellationToken.None);
        }

        using var reader = new LogStreamReader(WireClients.For(moto.Endpoint));
        var streams = await reader.RecentStreamsAsync(group, "jobs/", 2, CancellationToken.None);

        Assert.Equal(["jobs/newer", "jobs/mid"], streams.Select(s => s.LogStreamName));
        Assert.Equal(now - 1000, streams[0].LastEventTimestamp);
    }

    private static string Line(int i) => $"line {i:D2}";

    private static async Task<(List<string> Messages, string? Token)> ReadAllAsync(LogStreamReader reader, StreamAddress address, ReadStart start)
    {
        var messages = new List<string>();
        string? token = null;
        await foreach (var page in reader.ReadToEndAsync(address, start, CancellationToken.None))
        {
            messages.AddRange(page.Events.Select(e => e.Message));
            token = page.ForwardToken;
        }

        return (messages, token);
    }

    private async Task<StreamAddress> WriteAsync(string purpose, int count)
    {
        using var client = WireClients.For(moto.Endpoint);
        var address = new StreamAddress(WireClients.UniqueGroup(purpose), "jobs/" + purpose);
        await client.CreateLogGroupAsync(new CreateLogGroupRequest(address.Group), CancellationToken.None);
        await client.CreateLogStreamAsync(new CreateLogStreamRequest(address.Group, address.Stream), CancellationToken.None);
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - count;
        await client.PutLogEventsAsync(
            new TextBatch(address.Group, address.Stream, [.. Enumerable.Range(0, count).Select(i => new TextEvent(start + i, Line(i)))]), CancellationToken.None);
        return address;
    }
}
