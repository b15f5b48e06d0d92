using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>
/// CloudWatch allows 50 CreateLogStream calls a second per account, shared by every worker of a fleet. The sender puts
/// first and creates a stream only when the put says it does not exist; a throttled creation holds back only its own
/// stream's events (still counted), while the other streams keep flowing.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class StreamCreationTests(MotoFixture moto)
{
    [Fact]
    public async Task A_stream_that_already_exists_is_written_without_any_create_call()
    {
        using var proxy = new FaultProxy(moto.Endpoint);
        proxy.Start();
        var group = WireClients.UniqueGroup("exists");
        using (var other = WireClients.For(moto.Endpoint))
        {
            // Another worker created them.
            await other.CreateLogGroupAsync(new(group), CancellationToken.None);
            await other.CreateLogStreamAsync(new(group, "jobs/known"), CancellationToken.None);
        }

        using var harness = LoggingHarness.Start(proxy.Endpoint, group);
        for (var i = 0; i < 10; i++)
        {
            Log(harness.CreateLogger(), "known", $"line {i}");
        }

        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 10, "every event is sent");

        Assert.Equal(0, proxy.CallsOf("CreateLogStream"));
        Assert.Equal(0, proxy.CallsOf("CreateLogGroup"));
        Accounting.AssertAddsUp(harness.Diagnostics, 10);
    }

    [Fact]
    public async Task Throttled_stream_creation_delays_only_the_new_streams_and_loses_nothing()
    {
        const int jobs = 16;
        const int lines = 5;
        using var proxy = new FaultProxy(moto.Endpoint) { CreateLogStreamPerSecond = 2 };
        proxy.Start();
        var group = WireClients.UniqueGroup("throttled");
        using var harness = LoggingHarness.Start(proxy.Endpoint, group);
        var logger = harness.CreateLogger();
        Log(logger, "steady", "before");
        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 1, "the steady stream exists");

        await JobLoad.EmitAsync(logger, "new-", jobs, lines);
        await Eventually.TrueAsync(() => proxy.ThrottledCreates > 0, "stream creation is throttled");

        // While most new streams wait for their turn, a line to a stream that exists goes through.
        Log(logger, "steady", "during");
        using var reader = new CloudWatchReader(moto.Endpoint);
        await Eventually.TrueAsync(async () => (await reader.MessagesAsync(group, "jobs/steady")).Count == 2, "the steady stream's line arrives");
        var created = proxy.CallsOf("CreateLogStream") - proxy.ThrottledCreates;
        Assert.True(created < jobs, $"{created} streams were created before the steady line arrived");

        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 2 + (jobs * lines), "every event is sent", TimeSpan.FromSeconds(90));
        for (var job = 0; job < jobs; job++)
        {
            Assert.Equal(JobLoad.ExpectedLines($"new-{job}", lines), await reader.MessagesAsync(group, $"jobs/new-{job}"));
        }

        Assert.Equal(0, harness.Diagnostics.EventsDropped);
        // Not an outage: nothing made every stream back off, so nothing was announced as a failed send.
        Assert.DoesNotContain("sending to CloudWatch Logs failed", harness.Warnings.Text, StringComparison.Ordinal);
        Assert.Contains("ThrottlingException on CreateLogStream", harness.Diagnostics.LastError, StringComparison.Ordinal);
        Accounting.AssertAddsUp(harness.Diagnostics, 2 + (jobs * lines));
    }

    [Fact]
    public async Task A_role_that_may_not_create_groups_writes_new_job_streams_into_a_group_made_beforehand()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { Deny = ["CreateLogGroup", "PutRetentionPolicy"] };
        proxy.Start();
        var group = WireClients.UniqueGroup("made-beforehand");
        using (var infrastructure = WireClients.For(moto.Endpoint))
        {
            await infrastructure.CreateLogGroupAsync(new(group), CancellationToken.None);
        }

        using var harness = LoggingHarness.Start(proxy.Endpoint, group, o => o.RetentionDays = 7);
        var logger = harness.CreateLogger();
        for (var job = 0; job < 3; job++)
        {
            Log(logger, $"least-{job}", "line");
        }

        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 3, "every event is sent");
        using var reader = new CloudWatchReader(moto.Endpoint);
        Assert.Equal(["[INFO] [job_id=least-1] line"], await reader.MessagesAsync(group, "jobs/least-1"));
        Assert.Equal((0, 0), (proxy.CallsOf("CreateLogGroup"), proxy.CallsOf("PutRetentionPolicy")));
        Assert.Equal(string.Empty, harness.Warnings.Text);
        Accounting.AssertAddsUp(harness.Diagnostics, 3);
    }

    [Fact]
    public async Task A_retention_the_role_may_not_set_is_said_once_and_the_group_it_created_is_written_all_the_same()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { Deny = ["PutRetentionPolicy"] };
        proxy.Start();
        var group = WireClients.UniqueGroup("no-retention");
        using var harness = LoggingHarness.Start(proxy.Endpoint, group, o => o.RetentionDays = 7);
        var logger = harness.CreateLogger();
        for (var job = 0; job < 3; job++)
        {
            Log(logger, $"kept-{job}", "line");
        }

        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 3, "every event is sent");
        using var reader = new CloudWatchReader(moto.Endpoint);
        Assert.Equal(["[INFO] [job_id=kept-2] line"], await reader.MessagesAsync(group, "jobs/kept-2"));
        Assert.Equal(1, proxy.CallsOf("PutRetentionPolicy"));
        var warning = Assert.Single(harness.Warnings.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"the retention of log group '{group}' could not be set to 7 days (AccessDeniedException on PutRetentionPolicy)", warning, StringComparison.Ordinal);
        Assert.Equal(0, harness.Diagnostics.EventsWrittenToConsole);
        Accounting.AssertAddsUp(harness.Diagnostics, 3);
    }

    [Fact]
    public async Task A_retention_whose_call_failed_for_a_while_is_set_with_the_groups_next_new_stream()
    {
        using var proxy = new FaultProxy(moto.Endpoint);
        // Longer than the client's own retries (three, after each try): the try with the group and the one after its first stream fail.
        proxy.MakeUnavailable("PutRetentionPolicy", 8);
        proxy.Start();
        var group = WireClients.UniqueGroup("retention-later");
        using var harness = LoggingHarness.Start(proxy.Endpoint, group, o => o.RetentionDays = 7);
        var logger = harness.CreateLogger();
        using var reader = new CloudWatchReader(moto.Endpoint);

        Log(logger, "first", "line");
        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 1, "the first job's line is sent");
        Assert.Equal(8, proxy.CallsOf("PutRetentionPolicy"));
        Assert.Null(await reader.RetentionAsync(group));

        Log(logger, "second", "line");
        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 2, "the second job's line is sent");
        Assert.Equal(9, proxy.CallsOf("PutRetentionPolicy"));
        Assert.Equal(7, await reader.RetentionAsync(group));
        Assert.Equal(string.Empty, harness.Warnings.Text);
    }

    [Fact]
    public async Task While_a_new_streams_creation_is_throttled_and_the_buffer_is_half_full_the_sender_waits_rather_than_spins()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { CreateLogStreamPerSecond = 0 };
        proxy.Start();
        var clock = new CountingClock();
        // Six events in a buffer of ten: half full, so every cycle sends everything early.
        using var harness = LoggingHarness.Start(proxy.Endpoint, WireClients.UniqueGroup("no-spin"), o => o.MaxBufferedEvents = 10, clock);
        var logger = harness.CreateLogger();
        for (var i = 0; i < 6; i++)
        {
            Log(logger, "new", $"line {i}");
        }

        // The round that found the creation throttled (after the client's own retries) has ended: the stream waits at
        // least 0.75 s before its next try.
        await Eventually.TrueAsync(() => harness.Diagnostics.LastError?.Contains("ThrottlingException on CreateLogStream", StringComparison.Ordinal) == true, "the stream's creation is deferred");

        // Until the stream's next try: a loop running empty rounds back to back meanwhile reads the clock hundreds of
        // thousands of times; one that waits for its next cycle, a few hundred at most.
        var before = clock.Reads;
        var throttled = proxy.ThrottledCreates;
        await Eventually.TrueAsync(() => proxy.ThrottledCreates > throttled, "the stream's creation is tried again after its backoff");
        var reads = clock.Reads - before;
        Assert.True(reads < 5_000, $"the sender read the clock {reads} times while nothing could be sent");
        Assert.Equal(0, harness.Diagnostics.EventsSent);
    }

    private static void Log(ILogger logger, string job, string text)
    {
        using var context = MetaMockLogContext.BeginJobContext(job);
        logger.LogInformation("{Text}", text);
    }

    private sealed class CountingClock : TimeProvider
    {
        private long _reads;

        public long Reads => Interlocked.Read(ref _reads);

        public override DateTimeOffset GetUtcNow()
        {
            Interlocked.Increment(ref _reads);
            return System.GetUtcNow();
        }
    }
}
