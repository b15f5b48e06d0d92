using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch;

public sealed class SenderWakeUpTests
{
    // The sender wakes early at min(MaxBufferedEvents / 2, 10,000) buffered events.
    private const int WakeAt = 10_000;

    [Fact]
    public async Task A_burst_that_arrives_while_the_sender_is_sending_goes_out_without_waiting_for_the_next_tick()
    {
        // The fake clock never moves, so the flush interval never ends: only a wake-up or a backlog can start a send.
        var sink = new DiscardingClient { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var harness = LoggingHarness.Start(
            new Uri("http://127.0.0.1:9/"),
            "wake",
            o =>
            {
                o.FlushInterval = TimeSpan.FromHours(1);
                // Room for both batches, so what is measured is the wake-up, not the buffer's bound.
                o.MaxBufferedEvents = 4 * WakeAt;
            },
            new FakeTimeProvider(DateTimeOffset.UtcNow),
            sink);
        var logger = harness.CreateLogger();

        Log(logger, WakeAt);
        // The first wake-up's events are in flight; a second batch's worth arrives meanwhile, without crossing the threshold again.
        await sink.FirstPut.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Log(logger, WakeAt);
        sink.Gate.SetResult();

        await Eventually.TrueAsync(() => sink.Events == 2 * WakeAt, "both batches are delivered", TimeSpan.FromSeconds(10));
        Assert.Equal(0, harness.Diagnostics.EventsDropped);
    }

    private static void Log(ILogger logger, int count)
    {
        for (var i = 0; i < count; i++)
        {
            logger.LogInformation("line {Line}", i);
        }
    }
}
