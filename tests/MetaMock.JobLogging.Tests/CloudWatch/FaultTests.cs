using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>
/// Faults injected by a proxy in front of moto; every test checks that what was logged is exactly what arrived, plus
/// what was reported dropped, and that the diagnostics add up (<see cref="Accounting"/>).
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class FaultTests(MotoFixture moto)
{
    [Fact]
    public async Task A_spell_of_503_answers_loses_nothing()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { UnavailableCalls = 6 };
        proxy.Start();
        await AssertEveryLineArrivesOnceInOrderAsync(proxy, jobs: 5, lines: 100);
    }

    [Fact]
    public async Task Throttling_on_every_third_call_loses_nothing()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { ThrottleEvery = 3 };
        proxy.Start();
        await AssertEveryLineArrivesOnceInOrderAsync(proxy, jobs: 10, lines: 50);
    }

    [Fact]
    public async Task Slow_answers_lose_nothing_and_streams_are_sent_in_parallel_within_the_bound()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { Delay = TimeSpan.FromMilliseconds(150) };
        proxy.Start();
        await AssertEveryLineArrivesOnceInOrderAsync(proxy, jobs: 12, lines: 20, o => o.MaxParallelStreams = 3);
        Assert.InRange(proxy.MaxPutsInFlight, 2, 3);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_with_a_warning_until_the_endpoint_answers()
    {
        using var proxy = new FaultProxy(moto.Endpoint);
        var group = WireClients.UniqueGroup("refused");
        using var harness = LoggingHarness.Start(proxy.Endpoint, group);
        using (MetaMockLogContext.BeginJobContext("offline"))
        {
            for (var i = 0; i < 100; i++)
            {
                harness.CreateLogger().LogInformation("line {I}", i);
            }
        }

        await Eventually.TrueAsync(() => harness.Warnings.Text.Contains("failed", StringComparison.Ordinal), "the outage is announced");
        // The warning names the endpoint to check.
        Assert.Contains($"no answer from the endpoint {proxy.Endpoint}", harness.Warnings.Text, StringComparison.Ordinal);
        Assert.Equal(100, harness.Diagnostics.QueuedEvents);
        Accounting.AssertAddsUp(harness.Diagnostics, 100);
        Assert.NotNull(harness.Diagnostics.LastError);
        proxy.Start();
        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 100, "the buffered events are sent once the endpoint answers", TimeSpan.FromSeconds(40));

        using var reader = new CloudWatchReader(moto.Endpoint);
        Assert.Equal(JobLoad.ExpectedLines("offline", 100), await reader.MessagesAsync(group, "jobs/offline"));
        Assert.Equal(0, harness.Diagnostics.EventsDropped);
        Accounting.AssertAddsUp(harness.Diagnostics, 100);
    }

    [Fact]
    public async Task Over_capacity_the_reported_drops_equal_emitted_minus_delivered_exactly()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { Delay = TimeSpan.FromMilliseconds(200) };
        proxy.Start();
        var group = WireClients.UniqueGroup("capacity");
        const int emitted = 3_000;
        LoggingHarness harness;
        using (harness = LoggingHarness.Start(proxy.Endpoint, group, o => o.MaxBufferedEvents = 200))
        {
            await JobLoad.EmitAsync(harness.CreateLogger(), "cap-", jobs: 3, lines: emitted / 3);
        }

        using var reader = new CloudWatchReader(moto.Endpoint);
        var delivered = 0;
        foreach (var stream in await reader.StreamsAsync(group))
        {
            var messages = await reader.MessagesAsync(group, stream);
            Assert.Equal(messages.Distinct().Count(), messages.Count);
            delivered += messages.Count;
        }

        Assert.True(harness.Diagnostics.DroppedByReason.GetValueOrDefault("buffer_full") > 0, "the buffer limit was reached");
        Assert.Equal(delivered, harness.Diagnostics.EventsSent);
        Assert.Equal(emitted - delivered, harness.Diagnostics.EventsDropped);
        Assert.Contains("could not be sent to CloudWatch Logs", harness.Warnings.Text, StringComparison.Ordinal);
        Accounting.AssertAddsUp(harness.Diagnostics, emitted);
    }

    [Fact]
    public async Task In_wait_mode_a_small_buffer_behind_a_slow_endpoint_slows_the_callers_instead_of_dropping()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { Delay = TimeSpan.FromMilliseconds(50) };
        proxy.Start();
        await AssertEveryLineArrivesOnceInOrderAsync(proxy, jobs: 4, lines: 50, o =>
        {
            o.MaxBufferedEvents = 20;
            o.BufferFullMode = BufferFullMode.Wait;
        });
    }

    [Fact]
    public void Events_still_undeliverable_at_shutdown_are_counted_and_reported()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { UnavailableCalls = int.MaxValue };
        proxy.Start();
        LoggingHarness harness;
        using (harness = LoggingHarness.Start(proxy.Endpoint, WireClients.UniqueGroup("down"), o => o.ShutdownTimeout = TimeSpan.FromSeconds(1)))
        {
            for (var i = 0; i < 25; i++)
            {
                harness.CreateLogger().LogInformation("line {I}", i);
            }
        }

        Assert.Equal(25, Accounting.DroppedAtShutdown(harness.Diagnostics));
        Assert.Equal(0, harness.Diagnostics.EventsSent);
        Assert.Contains("25 event(s) could not be delivered to CloudWatch Logs before shutdown", harness.Warnings.Text, StringComparison.Ordinal);
        Accounting.AssertAddsUp(harness.Diagnostics, 25);
    }

    [Fact]
    public async Task An_event_CloudWatch_calls_invalid_is_isolated_and_dropped_alone()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { PoisonText = "POISON" };
        proxy.Start();
        var group = WireClients.UniqueGroup("poison");
        LoggingHarness harness;
        using (harness = LoggingHarness.Start(proxy.Endpoint, group))
        {
            using var context = MetaMockLogContext.BeginJobContext("poisoned");
            for (var i = 0; i < 10; i++)
            {
                harness.CreateLogger().LogInformation("{Text}", i == 4 ? "POISON" : $"line {i}");
            }
        }

        using var reader = new CloudWatchReader(moto.Endpoint);
        var expected = Enumerable.Range(0, 10).Where(i => i != 4).Select(i => $"[INFO] [job_id=poisoned] line {i}");
        Assert.Equal(expected, await reader.MessagesAsync(group, "jobs/poisoned"));
        Assert.Equal(1, harness.Diagnostics.DroppedByReason["invalid_event"]);
        Assert.Equal(9, harness.Diagnostics.EventsSent);
        Accounting.AssertAddsUp(harness.Diagnostics, 10);
    }

    [Fact]
    public void Events_CloudWatch_reports_as_rejected_are_counted_by_reason_not_as_sent()
    {
        using var proxy = new FaultProxy(moto.Endpoint)
        {
            PutAnswer = """{"rejectedLogEventsInfo":{"tooOldLogEventEndIndex":2,"expiredLogEventEndIndex":3,"tooNewLogEventStartIndex":8}}""",
        };
        proxy.Start();
        LoggingHarness harness;
        using (harness = LoggingHarness.Start(proxy.Endpoint, WireClients.UniqueGroup("rejected")))
        {
            using var context = MetaMockLogContext.BeginJobContext("one-call");
            for (var i = 0; i < 10; i++)
            {
                harness.CreateLogger().LogInformation("line {I}", i);
            }
        }

        // Indexes as AWS defines them: [0,2) too old, [2,3) expired, [8,10) too new; the other five were accepted.
        Assert.Equal(
            new Dictionary<string, long> { ["too_old"] = 2, ["expired"] = 1, ["too_new"] = 2 },
            harness.Diagnostics.DroppedByReason);
        Assert.Equal(5, harness.Diagnostics.EventsSent);
        Accounting.AssertAddsUp(harness.Diagnostics, 10);
    }

    private async Task AssertEveryLineArrivesOnceInOrderAsync(FaultProxy proxy, int jobs, int lines, Action<MetaMockLoggingOptions>? configure = null)
    {
        var group = WireClients.UniqueGroup("fault");
        using var harness = LoggingHarness.Start(proxy.Endpoint, group, configure);
        await JobLoad.EmitAsync(harness.CreateLogger(), "f-", jobs, lines);

        // In production the console shows WARNING and above: had the sender logged its retries through the logger it
        // feeds, they would show on the console (and in CloudWatch), so the console must stay empty.
        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == jobs * lines, "every event is sent", TimeSpan.FromSeconds(60));
        Assert.True(
            harness.Diagnostics.EventsDropped == 0 && harness.Console.Lines.Count == 0,
            $"dropped: {string.Join(", ", harness.Diagnostics.DroppedByReason)}; last error: {harness.Diagnostics.LastError}; console: {string.Join(" | ", harness.Console.Lines.Select(l => l.Message))}");
        using var reader = new CloudWatchReader(moto.Endpoint);
        for (var job = 0; job < jobs; job++)
        {
            Assert.Equal(JobLoad.ExpectedLines($"f-{job}", lines), await reader.MessagesAsync(group, $"jobs/f-{job}"));
        }

        Accounting.AssertAddsUp(harness.Diagnostics, jobs * lines);
    }
}
