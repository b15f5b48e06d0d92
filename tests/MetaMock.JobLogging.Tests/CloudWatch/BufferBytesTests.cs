using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch;

public sealed class BufferBytesTests
{
    private const int Limit = 1024 * 1024;

    // 2,000 B as the call's UTF-16 estimate counts it, 3,000 B once formatted as UTF-8 for CloudWatch.
    private static readonly string Cjk = new('日', 1_000);

    [Fact]
    public async Task Formatted_events_count_their_UTF8_size_so_the_byte_limit_bounds_CJK_text_too()
    {
        // The endpoint holds every call: events stay in the buffer, formatted, as during an outage.
        var sink = new DiscardingClient { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var harness = LoggingHarness.Start(new Uri("http://127.0.0.1:9/"), "bytes", o => o.MaxBufferedBytes = Limit, clients: sink);
        var logger = harness.CreateLogger();

        Log(logger, 300);
        // Counted at two bytes a char until formatted: 628,800 B.
        await Eventually.TrueAsync(() => harness.Diagnostics.QueuedBytes >= 300L * 3_000, "the first batch is formatted and counted", TimeSpan.FromSeconds(10));
        Assert.InRange(harness.Diagnostics.QueuedBytes, 300L * 3_000, Limit);

        Log(logger, 300);
        await Eventually.TrueAsync(() => harness.Diagnostics.QueuedBytes >= Accepted(harness) * 3_000L, "the second batch is formatted and counted", TimeSpan.FromSeconds(10));

        // Counted at two bytes a char, 500 of the 600 would have been accepted: 1.5 MB of text held against a 1 MB limit.
        // Only the events accepted since the last drain can pass it, by their UTF-8 excess.
        Assert.InRange(Accepted(harness) * 3_000L, 300L * 3_000, Limit * 11L / 10);
        Assert.Equal(600 - Accepted(harness), harness.Diagnostics.DroppedByReason["buffer_full"]);

        sink.Gate.SetResult();
        await Eventually.TrueAsync(() => sink.Events == Accepted(harness), "every accepted event is delivered", TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => harness.Diagnostics.QueuedBytes == 0, "every charged byte is released", TimeSpan.FromSeconds(10));
    }

    private static long Accepted(LoggingHarness harness) => 600 - harness.Diagnostics.EventsDropped;

    private static void Log(ILogger logger, int count)
    {
        for (var i = 0; i < count; i++)
        {
#pragma warning disable CA2254 // The message is the point: a long CJK text, no template.
            logger.LogInformation(Cjk);
#pragma warning restore CA2254
        }
    }
}
