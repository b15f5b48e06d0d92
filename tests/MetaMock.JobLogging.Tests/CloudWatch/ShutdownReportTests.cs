using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>The shutdown's last line and counts: what was never sent, what was out when the time ran out, and why.</summary>
[Collection(UsesMoto.Name)]
public sealed class ShutdownReportTests(MotoFixture moto)
{
    [Fact]
    public async Task With_nothing_listening_at_the_endpoint_the_shutdown_line_names_the_last_error_and_the_endpoint()
    {
        var endpoint = new Uri($"http://127.0.0.1:{MotoServer.FreePort()}/");
        LoggingHarness harness;
        using (harness = LoggingHarness.Start(endpoint, WireClients.UniqueGroup("nowhere"), o => o.ShutdownTimeout = TimeSpan.FromSeconds(1)))
        {
            using (MetaMockLogContext.BeginJobContext("lost"))
            {
                for (var i = 0; i < 10; i++)
                {
                    harness.CreateLogger().LogInformation("line {I}", i);
                }
            }

            await Eventually.TrueAsync(() => harness.Diagnostics.LastError is not null, "a send fails");
        }

        // The shutdown's own send is cut by the deadline while it retries: that proves nothing, the last error stands.
        var last = harness.Warnings.Lines[^1];
        Assert.Contains("10 event(s) could not be delivered to CloudWatch Logs before shutdown", last, StringComparison.Ordinal);
        Assert.Contains($"last error: no answer from the endpoint {endpoint}: ConnectionError", last, StringComparison.Ordinal);
        Assert.DoesNotContain("the shutdown timeout ran out", last, StringComparison.Ordinal);
        Assert.Equal(10, Accounting.DroppedAtShutdown(harness.Diagnostics));
        Accounting.AssertAddsUp(harness.Diagnostics, 10);
    }

    [Fact]
    public async Task At_shutdown_events_in_flight_are_told_apart_from_events_never_sent()
    {
        using var proxy = new FaultProxy(moto.Endpoint);
        proxy.Start();
        proxy.HoldPuts();
        LoggingHarness harness;
        using (harness = LoggingHarness.Start(proxy.Endpoint, WireClients.UniqueGroup("inflight"), o =>
        {
            o.ShutdownTimeout = TimeSpan.FromSeconds(1);
            o.MaxParallelStreams = 1;
        }))
        {
            var logger = harness.CreateLogger();
            using (MetaMockLogContext.BeginJobContext("out"))
            {
                for (var i = 0; i < 10; i++)
                {
                    logger.LogInformation("line {I}", i);
                }
            }

            await Eventually.TrueAsync(() => proxy.PutsHeld == 1, "the first put is out, and held");
            // The only slot is taken until the deadline: these are never sent.
            using (MetaMockLogContext.BeginJobContext("waiting"))
            {
                for (var i = 0; i < 5; i++)
                {
                    logger.LogInformation("line {I}", i);
                }
            }
        }

        Assert.Equal(10, harness.Diagnostics.DroppedByReason["in_flight_at_shutdown"]);
        Assert.Equal(5, harness.Diagnostics.DroppedByReason["undelivered_at_shutdown"]);
        Assert.Contains(
            "15 event(s) could not be delivered to CloudWatch Logs before shutdown (the shutdown timeout ran out): 5 never sent; 10 in flight when the time ran out (they may have arrived).",
            harness.Warnings.Lines[^1],
            StringComparison.Ordinal);
        Accounting.AssertAddsUp(harness.Diagnostics, 15);
    }
}
