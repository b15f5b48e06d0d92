using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.Diagnostics;

[Collection(UsesMoto.Name)]
public sealed class MeterTests(MotoFixture moto)
{
    [Fact]
    public async Task The_MetaMock_JobLogging_meter_counts_sent_and_dropped_events_by_reason()
    {
        var measured = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MetaMock.JobLogging")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var reason = tags.ToArray().FirstOrDefault(t => t.Key == "reason").Value;
            measured.AddOrUpdate($"{instrument.Name}{(reason is null ? "" : ":" + reason)}", value, (_, total) => total + value);
        });
        listener.Start();

        using var proxy = new FaultProxy(moto.Endpoint) { PoisonText = "POISON" };
        proxy.Start();
        using (var harness = LoggingHarness.Start(proxy.Endpoint, WireClients.UniqueGroup("meter")))
        {
            var logger = harness.CreateLogger();
            logger.LogInformation("good one");
            logger.LogInformation("POISON");
            logger.LogInformation("good two");
            await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 2, "both good events are sent");
        }

        Assert.Equal(2, measured.GetValueOrDefault("metamock.logging.events.sent"));
        Assert.Equal(1, measured.GetValueOrDefault("metamock.logging.events.dropped:invalid_event"));
    }

    [Fact]
    public async Task The_view_shows_queued_events_and_the_last_error_while_the_endpoint_is_down()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { UnavailableCalls = int.MaxValue };
        proxy.Start();
        using var harness = LoggingHarness.Start(proxy.Endpoint, WireClients.UniqueGroup("view"), o => o.ShutdownTimeout = TimeSpan.Zero);
        using (MetaMockLogContext.BeginJobContext("stuck"))
        {
            harness.CreateLogger().LogInformation("waiting");
        }

        await Eventually.TrueAsync(() => harness.Diagnostics.LastError is not null, "the failure is recorded");

        Assert.Equal(1, harness.Diagnostics.QueuedEvents);
        Assert.True(harness.Diagnostics.QueuedBytes > 0);
        Assert.Contains("ServiceUnavailableException", harness.Diagnostics.LastError, StringComparison.Ordinal);
        Assert.NotNull(harness.Diagnostics.LastErrorTime);
        Assert.Equal(["jobs/stuck"], harness.Diagnostics.ActiveStreams);
        Accounting.AssertAddsUp(harness.Diagnostics, 1);
    }
}
