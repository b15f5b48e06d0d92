using MetaMock.JobLogging.CloudWatch.Records.Spool;
using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>
/// With a spool directory, what a process could not deliver stays in its spool slot, and the next process on the same
/// directory replays it with its original timestamps, alongside its own events.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class SpoolRuntimeTests(MotoFixture moto)
{
    [Fact]
    public async Task Lines_logged_while_the_endpoint_is_down_are_replayed_by_the_next_process_each_once_in_order_with_its_timestamp()
    {
        const int Jobs = 4;
        const int PerJob = 60;
        using var spool = new TempSpool();
        var group = WireClients.UniqueGroup("spool");
        var logged = new Dictionary<string, List<(long Timestamp, string Message)>>();
        var first = StartBehindAnEndpointThatIsDown(spool.Root, group, out var proxy, out var time);
        using (proxy)
        {
            using (first)
            {
                var logger = first.CreateLogger();
                for (var i = 0; i < PerJob; i++)
                {
                    for (var j = 0; j < Jobs; j++)
                    {
                        using var context = MetaMockLogContext.BeginJobContext($"job-{j}");
                        logger.LogInformation("line {Line} of job {Job}", i, j);
                        var stream = $"jobs/job-{j}";
                        (logged.TryGetValue(stream, out var lines) ? lines : logged[stream] = []).Add((time.GetUtcNow().ToUnixTimeMilliseconds(), $"[INFO] [job_id=job-{j}] line {i} of job {j}"));
                        time.Advance(TimeSpan.FromMilliseconds(3));
                    }
                }
            }

            Assert.Equal(0, first.Diagnostics.EventsSent);
            Accounting.AssertAddsUp(first.Diagnostics, Jobs * PerJob);

            // What the shutdown could not deliver is not lost: it is said to stay for the next start, and counted so.
            Assert.DoesNotContain(DropReasons.UndeliveredAtShutdown, first.Diagnostics.DroppedByReason.Keys);
            // (Where the deadline falls decides how many were in a call, whose answer never came: those may have arrived.)
            var left = first.Diagnostics.EventsLeftInSpool;
            Assert.Equal(Jobs * PerJob, left + first.Diagnostics.DroppedByReason.GetValueOrDefault(DropReasons.InFlightAtShutdown));
            var last = first.Warnings.Lines[^1];
            Assert.Contains($"{Jobs * PerJob} event(s) could not be delivered to CloudWatch Logs before shutdown", last, StringComparison.Ordinal);
            Assert.Contains($": {left} stay in the spool for the next start to send;", last, StringComparison.Ordinal);
            Assert.DoesNotContain("never sent", last, StringComparison.Ordinal);
        }

        Assert.NotEmpty(Directory.GetFiles(spool.Root, "*" + SpoolSlot.SegmentSuffix, SearchOption.AllDirectories));
        var second = LoggingHarness.Start(moto.Endpoint, group, o => o.SpoolDirectory = spool.Root);
        using (second)
        {
            await Eventually.TrueAsync(() => second.Diagnostics.EventsSent == Jobs * PerJob, () => $"replayed lines delivered: {second.Diagnostics.EventsSent}", TimeSpan.FromSeconds(60));
        }

        Assert.Equal(Jobs * PerJob, second.Diagnostics.EventsReplayed);
        Assert.Empty(second.Diagnostics.DroppedByReason);
        using var client = WireClients.For(moto.Endpoint);
        foreach (var (stream, lines) in logged)
        {
            var events = await WireClients.ReadAllAsync(client, group, stream);
            Assert.Equal(lines, events.Select(e => (e.Timestamp, e.Message)).ToList());
        }

        // Every segment was settled, checkpointed and deleted.
        Assert.Empty(Directory.GetFiles(spool.Root, "*" + SpoolSlot.SegmentSuffix, SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(SpoolSync.None)]
    [InlineData(SpoolSync.Interval)]
    [InlineData(SpoolSync.Always)]
    public async Task In_every_sync_mode_lines_are_delivered_and_their_segments_deleted_once_settled(SpoolSync mode)
    {
        using var spool = new TempSpool();
        var group = WireClients.UniqueGroup("spool-sync");
        var harness = LoggingHarness.Start(moto.Endpoint, group, o =>
        {
            o.SpoolDirectory = spool.Root;
            o.SpoolSync = mode;
            o.SpoolSyncInterval = TimeSpan.FromMilliseconds(100);
        });
        using (harness)
        {
            using var context = MetaMockLogContext.BeginJobContext("synced");
            for (var i = 0; i < 20; i++)
            {
                harness.CreateLogger().LogInformation("line {Line}", i);
            }
        }

        Assert.Equal(20, harness.Diagnostics.EventsSent);
        using var reader = new CloudWatchReader(moto.Endpoint);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"[INFO] [job_id=synced] line {i}"), await reader.MessagesAsync(group, "jobs/synced"));
        Assert.Empty(Directory.GetFiles(spool.Root, "*" + SpoolSlot.SegmentSuffix, SearchOption.AllDirectories));
    }

    [Fact]
    public void A_full_spool_applies_the_buffer_full_mode_and_every_event_is_counted()
    {
        // The smallest spool holds one segment file; with nothing delivered, the lines past it cannot be kept.
        const int Lines = 300;
        var text = new string('x', 8 * 1024);
        using var spool = new TempSpool();
        using var proxy = new FaultProxy(moto.Endpoint) { UnavailableCalls = int.MaxValue };
        proxy.Start();
        var harness = LoggingHarness.Start(proxy.Endpoint, WireClients.UniqueGroup("spool-full"), o =>
        {
            o.SpoolDirectory = spool.Root;
            o.MaxSpoolBytes = SpoolSetup.SmallestMaxBytes;
            o.ShutdownTimeout = TimeSpan.FromSeconds(1);
        });
        using (harness)
        {
            var logger = harness.CreateLogger();
            for (var i = 0; i < Lines; i++)
            {
                logger.LogInformation("line {Line} {Text}", i, text);
            }
        }

        // One segment holds about 1 MiB of these 8 KiB lines; the rest were refused at the call, counted, not lost silently.
        var full = harness.Diagnostics.DroppedByReason.GetValueOrDefault("buffer_full");
        Assert.InRange(full, Lines - 130, Lines - 100);
        Assert.Equal(0, harness.Diagnostics.EventsSent);
        Accounting.AssertAddsUp(harness.Diagnostics, Lines);
    }

    [Fact]
    public async Task A_spool_directory_that_cannot_be_created_is_reported_once_and_events_are_kept_in_memory()
    {
        using var spool = new TempSpool();
        var notADirectory = Path.Combine(spool.Root, "file");
        await File.WriteAllTextAsync(notADirectory, "x");
        var group = WireClients.UniqueGroup("spool-bad");
        var harness = LoggingHarness.Start(moto.Endpoint, group, o => o.SpoolDirectory = Path.Combine(notADirectory, "spool"));
        using (harness)
        {
            harness.CreateLogger().LogInformation("kept in memory");
        }

        Assert.Equal(1, harness.Diagnostics.EventsSent);
        var warning = Assert.Single(harness.Warnings.Text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), line => line.Contains("spool", StringComparison.Ordinal));
        Assert.Contains(Path.Combine(notADirectory, "spool"), warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_whose_put_lost_its_answer_before_the_shutdown_are_counted_in_flight_and_not_replayed_by_the_next_process()
    {
        using var spool = new TempSpool();
        var group = WireClients.UniqueGroup("spool-lost");
        LoggingHarness first;
        using (var proxy = new FaultProxy(moto.Endpoint) { ResetAfterApplyingPuts = 1, DownAfterResets = true })
        {
            proxy.Start();
            using (first = LoggingHarness.Start(proxy.Endpoint, group, o =>
            {
                o.SpoolDirectory = spool.Root;
                o.ShutdownTimeout = TimeSpan.FromSeconds(1);
                o.FlushInterval = TimeSpan.FromMilliseconds(100);
            }))
            {
                Log(first.CreateLogger(), "lost", 10);
                // The put reached CloudWatch and its answer was lost; the endpoint is down from then on, to the deadline.
                await Eventually.TrueAsync(() => proxy.Resets == 1, "the put's answer is lost");
            }
        }

        Assert.Equal(10, first.Diagnostics.DroppedByReason[DropReasons.InFlightAtShutdown]);
        Assert.Equal(0, first.Diagnostics.EventsLeftInSpool);

        var second = LoggingHarness.Start(moto.Endpoint, group, o => o.SpoolDirectory = spool.Root);
        using (second)
        {
            Log(second.CreateLogger(), "after", 1);
            await Eventually.TrueAsync(() => second.Diagnostics.EventsSent == 1, "the second process's own line is sent");
        }

        Assert.Equal(0, second.Diagnostics.EventsReplayed);
        using var client = WireClients.For(moto.Endpoint);
        Assert.Equal(10, (await WireClients.ReadAllAsync(client, group, "jobs/lost")).Count);
    }

    [Fact]
    public async Task A_loop_stuck_past_the_shutdown_deadline_keeps_the_spool_mapped_until_it_ends_then_releases_it()
    {
        using var spool = new TempSpool();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new DiscardingClient { Gate = gate, GateIgnoresCancellation = true };
        using (var harness = LoggingHarness.Start(new Uri("http://127.0.0.1:9/"), "stuck", o =>
        {
            o.SpoolDirectory = spool.Root;
            o.ShutdownTimeout = TimeSpan.FromMilliseconds(200);
            o.FlushInterval = TimeSpan.FromMilliseconds(100);
        }, clients: client))
        {
            Log(harness.CreateLogger(), "stuck", 5);
            await client.FirstPut.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // Dispose has returned with the put still out. (Were the files unmapped now, releasing the put would make the loop
        // read freed memory: the gate stays shut unless this holds.)
        Assert.True(MapsAny(spool.Root), "the spool's segment files stay mapped while the loop has not ended");
        gate.SetResult();
        await Eventually.TrueAsync(() => !MapsAny(spool.Root), "the spool's files are released once the loop ends");
        Assert.Equal(5, client.Events);
    }

    private static bool MapsAny(string root) => File.ReadAllLines("/proc/self/maps").Any(line => line.Contains(root, StringComparison.Ordinal));

    private static void Log(ILogger logger, string job, int lines)
    {
        using var context = MetaMockLogContext.BeginJobContext(job);
        for (var i = 0; i < lines; i++)
        {
            logger.LogInformation("line {Line}", i);
        }
    }

    // A process whose every call fails (HTTP 503) and gives up one second into its shutdown, on a clock half an hour back.
    private LoggingHarness StartBehindAnEndpointThatIsDown(string spoolRoot, string group, out FaultProxy proxy, out FakeTimeProvider time)
    {
        proxy = new FaultProxy(moto.Endpoint) { UnavailableCalls = int.MaxValue };
        proxy.Start();
        time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-30));
        return LoggingHarness.Start(
            proxy.Endpoint,
            group,
            o =>
            {
                o.SpoolDirectory = spoolRoot;
                o.ShutdownTimeout = TimeSpan.FromSeconds(1);
            },
            time: time);
    }
}
