using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Tests.CloudWatch.Wire;

[Collection(UsesMoto.Name)]
public sealed class CloudWatchLogsHttpClientTests(MotoFixture moto)
{
    [Fact]
    public async Task Events_put_through_the_signed_client_are_read_back_in_order()
    {
        using var client = WireClients.For(moto.Endpoint);
        var group = WireClients.UniqueGroup("wire");
        await client.CreateLogGroupAsync(new CreateLogGroupRequest(group), CancellationToken.None);
        await client.CreateLogStreamAsync(new CreateLogStreamRequest(group, "jobs/a"), CancellationToken.None);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var sent = new[] { new TextEvent(now, "first \"quoted\" ü 🚀"), new TextEvent(now + 1, "second\nline") };

        var response = await client.PutLogEventsAsync(new TextBatch(group, "jobs/a", sent), CancellationToken.None);

        Assert.Null(response.RejectedLogEventsInfo);
        var read = await WireClients.ReadAllAsync(client, group, "jobs/a");
        Assert.Equal(sent.Select(e => (e.Timestamp, e.Message)), read.Select(e => (e.Timestamp, e.Message)));
    }

    [Fact]
    public async Task A_put_to_a_missing_stream_fails_with_the_bare_error_type_and_is_not_retryable()
    {
        using var client = WireClients.For(moto.Endpoint);
        var group = WireClients.UniqueGroup("missing");
        await client.CreateLogGroupAsync(new CreateLogGroupRequest(group), CancellationToken.None);

        var error = await Assert.ThrowsAsync<CloudWatchLogsException>(() => client.PutLogEventsAsync(
            new TextBatch(group, "nope", [new TextEvent(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "x")]), CancellationToken.None));

        Assert.Equal(CloudWatchErrors.ResourceNotFound, error.ErrorType);
        Assert.False(error.IsRetryable);
        Assert.False(error.IsAuthenticationFailure);
    }

    [Fact]
    public async Task Creating_an_existing_group_reports_ResourceAlreadyExists()
    {
        using var client = WireClients.For(moto.Endpoint);
        var group = WireClients.UniqueGroup("exists");
        await client.CreateLogGroupAsync(new CreateLogGroupRequest(group), CancellationToken.None);

        var error = await Assert.ThrowsAsync<CloudWatchLogsException>(() => client.CreateLogGroupAsync(new CreateLogGroupRequest(group), CancellationToken.None));

        Assert.Equal(CloudWatchErrors.ResourceAlreadyExists, error.ErrorType);
    }

    [Fact]
    public async Task Streams_are_listed_and_filtered_events_name_their_stream()
    {
        using var client = WireClients.For(moto.Endpoint);
        var group = WireClients.UniqueGroup("read");
        await client.CreateLogGroupAsync(new CreateLogGroupRequest(group), CancellationToken.None);
        await client.CreateLogStreamAsync(new CreateLogStreamRequest(group, "jobs/x"), CancellationToken.None);
        await client.PutRetentionPolicyAsync(new PutRetentionPolicyRequest(group, 7), CancellationToken.None);
        await client.PutLogEventsAsync(
            new TextBatch(group, "jobs/x", [new TextEvent(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "needle")]), CancellationToken.None);

        var streams = await client.DescribeLogStreamsAsync(new DescribeLogStreamsRequest(group), CancellationToken.None);
        var found = await client.FilterLogEventsAsync(new FilterLogEventsRequest(group), CancellationToken.None);

        Assert.Equal(["jobs/x"], streams.LogStreams!.Select(s => s.LogStreamName));
        Assert.Equal(("jobs/x", "needle"), found.Events!.Select(e => (e.LogStreamName, e.Message)).Single());
    }
}
