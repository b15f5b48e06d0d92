using MetaMock.JobLogging.CloudWatch.Sending.Pacing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>
/// Against an endpoint slower than the flow of events, a call is cut when a slot can take it, from what its stream
/// holds then, not from what it held when the round began. The endpoint's slowness is a put held by the fault proxy
/// until the test lets it go; the sender's clock is fake, so nothing here waits on time.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class SlowAnswerTests(MotoFixture moto)
{
    // Short steps of the fake clock: the events' timestamps stay within what CloudWatch accepts in one call.
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_stream_waiting_for_a_slot_sends_what_arrived_while_it_waited_in_the_same_call()
    {
        using var proxy = new FaultProxy(moto.Endpoint);
        proxy.Start();
        proxy.HoldPuts();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var group = WireClients.UniqueGroup("slow");
        using var harness = LoggingHarness.Start(proxy.Endpoint, group, o =>
        {
            o.FlushInterval = FlushInterval;
            o.MaxParallelStreams = 1;
            o.Format = LogFormat.Json;
        },
        time);
        var logger = harness.CreateLogger();
        Log(logger, "first", 1);
        Log(logger, "second", 1);

        // The flush interval's round begins with one event in each stream; the first stream's put takes the only slot.
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(FlushInterval);
                return proxy.PutsHeld == 1;
            },
            "the round's first put is out, and held",
            TimeSpan.FromSeconds(30));

        // While it is out, the second stream fills up; the loop drains it meanwhile.
        Log(logger, "second", 3_000);
        WeakReference probe;
        using (MetaMockLogContext.BeginJobContext("second"))
        {
            probe = DrainProbe.LogWithValue(logger);
        }

        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(SendPacing.DefaultDrainInterval);
                return DrainProbe.Collected(probe);
            },
            "what arrived during the put is drained",
            TimeSpan.FromSeconds(30));
        proxy.ReleasePuts();

        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 3_003, "every event is sent", TimeSpan.FromSeconds(30));
        var second = proxy.Puts.Where(p => p.Stream == "jobs/second").Select(p => p.Events).ToList();
        Assert.Equal(3_002, second[0]);
        Accounting.AssertAddsUp(harness.Diagnostics, 3_003);
    }

    private static void Log(ILogger logger, string job, int lines)
    {
        using var context = MetaMockLogContext.BeginJobContext(job);
        for (var i = 0; i < lines; i++)
        {
            logger.LogInformation("line {Line}", i);
        }
    }
}
