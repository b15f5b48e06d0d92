using System.Diagnostics;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MetaMock.JobLogging.Tests.CloudWatch;

[Collection(UsesMoto.Name)]
public sealed partial class CaptureCostTests(MotoFixture moto, ITestOutputHelper output)
{
    private const int Calls = 20_000; // a fifth of the default buffer: a burst the buffer absorbs without a drop

    [Fact]
    public void A_log_call_with_context_allocates_little_because_nothing_is_formatted_on_the_callers_thread()
    {
        var bytesPerCall = MeasureBytesPerCall(logger => logger.LogInformation("Generated {Count} images for {PresetId}", 12, "preset-42"));
        output.WriteLine($"baseline, MEL to a null logger: {BaselineNanoseconds():0} ns per call");

        // MEL's own LogInformation(params object[]) costs 64 B (the array and the boxed 12); nothing else: the template
        // state is read through the thread's holder (boxing it would add 40 B), the record is encoded into a segment (no
        // object per call), and the message is formatted by the sender from the template and the values. Formatting
        // the message here would add ~90 B, the whole line ~800 B.
        Assert.InRange(bytesPerCall, 1, 72);
    }

    [Fact]
    public void A_source_generated_log_call_with_value_type_values_allocates_nothing()
    {
        var bytesPerCall = MeasureBytesPerCall(logger => Rendered(logger, 12, 0.5, "preset-42"));

        // MEL passes the state (formatter, int, double, string) by value; boxing it would cost 48 B. The record takes
        // each value from the state's typed fields (see TypedValues) in the thread's holder: reading the int or double
        // through the state's list would box each (24 B apiece), and formatting the message here would add ~80 B.
        Assert.InRange(bytesPerCall, 0, 8);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rendered {Count} at {Ratio} for {PresetId}")]
    private static partial void Rendered(ILogger logger, int count, double ratio, string presetId);

    // The sender really drains, formats and cuts (as in production), into a CloudWatch that forgets what it gets.
    private double MeasureBytesPerCall(Action<ILogger> call)
    {
        var sink = new DiscardingClient();
        using var harness = LoggingHarness.Start(moto.Endpoint, WireClients.UniqueGroup("cost"), clients: sink);
        var logger = harness.CreateLogger("Cost");
        using var context = MetaMockLogContext.BeginContext(new UserContext("123"), new JobContext("bulk-abc123", "bulk_workflow", "run-456"));
        WarmUp(() => call(logger));
        SpinWait.SpinUntil(() => harness.Diagnostics.QueuedEvents == 0, TimeSpan.FromSeconds(30));
        var droppedBefore = harness.Diagnostics.EventsDropped;

        // Several rounds, the lowest counted: the buffer's queue grows its slot array (amortised, reused afterwards) the
        // first time a burst is longer than any before, and one such growth would otherwise blur the per-call figure.
        var bytesPerCall = double.MaxValue;
        var clock = new Stopwatch();
        for (var round = 0; round < 5; round++)
        {
            SpinWait.SpinUntil(() => harness.Diagnostics.QueuedEvents == 0, TimeSpan.FromSeconds(30));
            var before = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            for (var i = 0; i < Calls; i++)
            {
                call(logger);
            }

            clock.Stop();
            bytesPerCall = Math.Min(bytesPerCall, (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls);
        }

        output.WriteLine($"{bytesPerCall:0} B and {clock.Elapsed.TotalNanoseconds / Calls:0} ns per call");
        output.WriteLine($"dropped while measuring: {harness.Diagnostics.EventsDropped - droppedBefore}");

        // The figure is the CloudWatch path's only if every call took it (none fell back to the console route).
        Assert.True(harness.Console.Lines.Count == 0, $"{harness.Console.Lines.Count} lines went to the console; sender said: {harness.Warnings.Text}");
        return bytesPerCall;
    }

    // Long enough for tiered compilation to replace the first, unoptimised code; a count of calls is not.
    private static void WarmUp(Action call)
    {
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 400)
        {
            call();
        }
    }

    private static double BaselineNanoseconds()
    {
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Microsoft.Extensions.Logging.Abstractions.NullLoggerProvider.Instance));
        var logger = factory.CreateLogger("Cost");
        WarmUp(() => logger.LogInformation("Generated {Count} images for {PresetId}", 12, "preset-42"));
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            logger.LogInformation("Generated {Count} images for {PresetId}", 12, "preset-42");
        }

        return clock.Elapsed.TotalNanoseconds / Calls;
    }
}
