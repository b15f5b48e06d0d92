using System.Diagnostics;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MetaMock.JobLogging.Tests.CloudWatch;

[Collection(UsesMoto.Name)]
public sealed class CaptureCostTests(MotoFixture moto, ITestOutputHelper output)
{
    [Fact]
    public void A_log_call_with_context_allocates_little_because_nothing_is_formatted_on_the_callers_thread()
    {
        const int calls = 20_000;
        using var harness = LoggingHarness.Start(moto.Endpoint, WireClients.UniqueGroup("cost"), o =>
        {
            o.FlushInterval = TimeSpan.FromHours(1); // The sender stays asleep: only the caller's side is measured.
            o.MaxBufferedEvents = 10 * calls;
        });
        var logger = harness.CreateLogger("Cost");
        using var context = MetaMockLogContext.BeginContext(new UserContext("123"), new JobContext("bulk-abc123", "bulk_workflow", "run-456"));
        for (var i = 0; i < 1_000; i++)
        {
            logger.LogInformation("Generated {Count} images for {PresetId}", 12, "preset-42"); // warm-up
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            logger.LogInformation("Generated {Count} images for {PresetId}", 12, "preset-42");
        }

        clock.Stop();
        var bytesPerCall = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
        output.WriteLine($"{bytesPerCall:0} B and {clock.Elapsed.TotalNanoseconds / calls:0} ns per call (includes MEL's params array and boxing)");
        output.WriteLine($"baseline, MEL to a null logger: {BaselineNanoseconds(calls):0} ns per call");

        // MEL's own LogInformation(params object[]) costs ~64 B; formatting the line here would cost ~800 B.
        Assert.InRange(bytesPerCall, 1, 400);
    }

    private static double BaselineNanoseconds(int calls)
    {
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Microsoft.Extensions.Logging.Abstractions.NullLoggerProvider.Instance));
        var logger = factory.CreateLogger("Cost");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            logger.LogInformation("Generated {Count} images for {PresetId}", 12, "preset-42");
        }

        return clock.Elapsed.TotalNanoseconds / calls;
    }
}
