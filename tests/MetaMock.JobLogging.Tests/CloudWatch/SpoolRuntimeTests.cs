using MetaMock.JobLogging.CloudWatch.Records.Spool;
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
