using System.Net;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Reporting;

public sealed class ConsoleFallbackTests
{
    [Fact]
    public void Events_pending_when_CloudWatch_refuses_the_credentials_reach_the_console_as_the_same_text_in_order_per_stream_and_once()
    {
        var sink = new DiscardingClient { Failure = new CloudWatchLogsException("PutLogEvents", HttpStatusCode.BadRequest, "UnrecognizedClientException", null) };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        // The clock never reaches the flush interval: everything is still pending when the shutdown's send is refused.
        var harness = LoggingHarness.Start(new Uri("http://127.0.0.1:9/"), "fallback", o => o.FlushInterval = TimeSpan.FromHours(1), time, sink);
        using (harness)
        {
            var logger = harness.CreateLogger();
            for (var i = 0; i < 3; i++)
            {
                using (MetaMockLogContext.BeginJobContext("j1"))
                {
                    logger.LogInformation("héllo 日本 🚀 {Line}", i);
                }

                logger.LogWarning("quote \" tab \t line {Line}", i);
            }
        }

        var lines = harness.FallbackEvents.Lines;
        Assert.Equal(["[INFO] [job_id=j1] héllo 日本 🚀 0", "[INFO] [job_id=j1] héllo 日本 🚀 1", "[INFO] [job_id=j1] héllo 日本 🚀 2"], lines);
        // The warnings were printed at their call (production's dual routing): the fall-back counts them, without a second copy.
        Assert.Equal(["quote \" tab \t line 0", "quote \" tab \t line 1", "quote \" tab \t line 2"], harness.Console.Lines.Select(l => l.Message));
        Assert.Equal(6, harness.Diagnostics.EventsWrittenToConsole);
        Assert.Equal(0, harness.Diagnostics.EventsDropped);
    }
}
