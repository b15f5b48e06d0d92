using MetaMock.JobLogging.CloudWatch.Sending.Send;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>
/// Draining (formatting queued events into the sender's store, which lets the log call's objects go) is paced apart
/// from sending. Whether an event was drained is seen from outside by a value it carries: in the JSON format the queue
/// holds the message's values until the drain, the store holds only their text. The fake clock moves only where a test moves it.
/// </summary>
public sealed class SenderPacingTests
{
    // One queue segment: the writer that opens the next one wakes the sender to drain.
    private const int Segment = 1_024;
    private static readonly TimeSpan FlushInterval = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_segment_of_queued_events_is_drained_at_once_but_not_sent_before_the_flush_interval()
    {
        var sink = new DiscardingClient();
        using var harness = Start(sink, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var logger = harness.CreateLogger();

        var first = DrainProbe.LogWithValue(logger);
        Log(logger, Segment);

        await Eventually.TrueAsync(() => DrainProbe.Collected(first), "the first event's value is let go", TimeSpan.FromSeconds(10));
        Assert.Equal(0, sink.Puts);
        // Drained events still hold their room in the buffer until they are sent.
        Assert.Equal(Segment + 1, harness.Diagnostics.QueuedEvents);
    }

    [Fact]
    public async Task Events_trickling_in_after_a_drain_are_drained_within_the_drain_interval_and_not_sent()
    {
        var sink = new DiscardingClient();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = Start(sink, time);
        var logger = harness.CreateLogger();
        var first = DrainProbe.LogWithValue(logger);
        Log(logger, Segment);
        await Eventually.TrueAsync(() => DrainProbe.Collected(first), "the segment is drained", TimeSpan.FromSeconds(10));

        // Far fewer than a segment: no writer wakes the sender, its drain interval does.
        var trickle = DrainProbe.LogWithValue(logger);
        var advanced = TimeSpan.Zero;
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
                advanced += TimeSpan.FromMilliseconds(10);
                return DrainProbe.Collected(trickle);
            },
            "the trickle is drained",
            TimeSpan.FromSeconds(10));

        Assert.True(advanced < FlushInterval);
        Assert.Equal(0, sink.Puts);
        Assert.Equal(Segment + 2, harness.Diagnostics.QueuedEvents);
    }

    [Fact]
    public async Task A_stream_holding_a_full_call_is_sent_before_the_flush_interval_and_the_rest_waits()
    {
        var sink = new DiscardingClient();
        // Short text lines: the call is full by its count of events, far below its byte limit.
        using var harness = Start(sink, new FakeTimeProvider(DateTimeOffset.UtcNow), LogFormat.Text);
        var logger = harness.CreateLogger();

        Log(logger, BatchLimits.CloudWatch.MaxEvents + 500);

        await Eventually.TrueAsync(() => sink.Events > 0, "a full call is sent", TimeSpan.FromSeconds(10));
        // One call, cut at the limit (or up to a tenth earlier, at a change of millisecond); the rest is no full call.
        Assert.Equal(1, sink.Puts);
        Assert.InRange(sink.Events, BatchLimits.CloudWatch.MaxEvents * 9 / 10, BatchLimits.CloudWatch.MaxEvents);
        await Eventually.TrueAsync(
            () => harness.Diagnostics.QueuedEvents == BatchLimits.CloudWatch.MaxEvents + 500 - sink.Events,
            "the sent events' room is released and the rest keeps theirs",
            TimeSpan.FromSeconds(10));
        Assert.Equal(1, sink.Puts);
    }

    [Fact]
    public async Task Nothing_is_sent_during_a_backoff_while_draining_goes_on_then_sending_resumes()
    {
        var sink = new DiscardingClient { Failure = new HttpRequestException("endpoint down") };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = Start(sink, time);
        var logger = harness.CreateLogger();

        Log(logger, BatchLimits.CloudWatch.MaxEvents);
        await Eventually.TrueAsync(() => harness.Diagnostics.LastError is not null, "the full call fails", TimeSpan.FromSeconds(10));
        var failedPuts = sink.Puts;
        sink.Failure = null;

        var during = DrainProbe.LogWithValue(logger);
        Log(logger, 2 * Segment);
        await Eventually.TrueAsync(() => DrainProbe.Collected(during), "events logged during the backoff are drained", TimeSpan.FromSeconds(10));
        Assert.Equal(failedPuts, sink.Puts);
        Assert.Equal(0, sink.Events);

        // The first backoff is one second; the drain interval brings the loop round after it.
        var total = BatchLimits.CloudWatch.MaxEvents + 1 + (2 * Segment);
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                return sink.Events > 0;
            },
            "sending resumes once the backoff is over",
            TimeSpan.FromSeconds(10));
        Assert.True(sink.Events <= total);
        Assert.Equal(0, harness.Diagnostics.EventsDropped);
    }

    [Fact]
    public async Task A_flush_during_an_outage_waits_for_the_round_that_delivers_and_completes_with_it()
    {
        var sink = new DiscardingClient { Failure = new HttpRequestException("endpoint down") };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = Start(sink, time);
        var logger = harness.CreateLogger();
        Log(logger, 10);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var flush = harness.Diagnostics.FlushAsync(timeout.Token);
        await Eventually.TrueAsync(() => harness.Diagnostics.LastError is not null, "the flush's round fails", TimeSpan.FromSeconds(10));
        Assert.False(flush.IsCompleted, "the flush completed with its events still queued");

        // The endpoint is back; nothing is due before the next flush interval, the flush waits for it.
        sink.Failure = null;
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromMinutes(1));
                return flush.IsCompleted;
            },
            "the flush completes with the round that delivers",
            TimeSpan.FromSeconds(20));

        await flush;
        Assert.Equal(10, sink.Events);
        Assert.Equal(0, harness.Diagnostics.QueuedEvents);
    }

    private static LoggingHarness Start(DiscardingClient sink, FakeTimeProvider time, LogFormat format = LogFormat.Json) =>
        LoggingHarness.Start(new Uri("http://127.0.0.1:9/"), "pacing", o =>
        {
            o.FlushInterval = FlushInterval;
            o.Format = format;
            // Room for a full call and more below half the limits, so only the pacing rules under test send early.
            o.MaxBufferedEvents = 10 * BatchLimits.CloudWatch.MaxEvents;
            o.MaxBufferedBytes = 64L * 1024 * 1024;
        },
        time,
        sink);

    private static void Log(ILogger logger, int count)
    {
        for (var i = 0; i < count; i++)
        {
            logger.LogInformation("line {Line}", i);
        }
    }
}
