using System.Globalization;
using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>
/// The log call leaves formatting to the sender only where the text cannot differ: Microsoft.Extensions.Logging's own
/// template states with immutable values. The sender here formats only at dispose, long after each call, so a value
/// that changed in between would show.
/// </summary>
public sealed partial class DeferredMessageTests
{
    private static readonly Action<ILogger, int, string, Exception?> Defined =
        LoggerMessage.Define<int, string>(LogLevel.Information, 1, "Defined {Count} for {PresetId}");

    private static readonly Action<ILogger, object, Exception?> DefinedObject =
        LoggerMessage.Define<object>(LogLevel.Information, 2, "Defined {Value}");

    [Fact]
    public void Template_states_with_immutable_values_are_left_to_the_sender_and_others_are_formatted_at_the_call()
    {
        var probe = new DeferProbe();
        probe.LogInformation("Generated {Count} images for {PresetId} at {When:O}", 12, "preset-42", DateTime.UnixEpoch);
        Defined(probe, 12, "preset-42", null);
        probe.LogInformation("Items {Items}", new List<int> { 1 });
        probe.LogInformation("Item {Item}", new Mutable("a"));
        DefinedObject(probe, new Mutable("a"), null);
        Generated(probe, 3, "preset-7");
        probe.Log(LogLevel.Information, 0, "a plain string state", null, (s, _) => s);
        probe.Log(LogLevel.Information, 0, new KeyValuePair<string, object?>[] { new("Count", 1) }, null, (_, _) => "own formatter");
#pragma warning disable CA2017 // A template with more holes than values: its state cannot be read, so it is formatted (and fails) at the call.
        probe.LogInformation("{First} and {Second}", 1);
#pragma warning restore CA2017

        Assert.Equal([true, true, false, false, false, true, false, false, false], probe.Deferred);
    }

    [Fact]
    public void Deferred_and_immediate_messages_read_as_they_were_at_the_call_whatever_the_callers_culture()
    {
        var client = new RecordingClient();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var harness = LoggingHarness.Start(new Uri("http://127.0.0.1:9/"), "deferred", time: time, clients: client);
        var items = new List<int> { 1, 2 };
        var item = new Mutable("before");
        var culture = CultureInfo.CurrentCulture;
        using (harness)
        {
            // A decimal comma (the machine runs globalization-invariant, so no named culture): the template states format
            // with the invariant culture, at the call and later alike.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;
            try
            {
                using var context = MetaMockLogContext.BeginJobContext("d");
                var logger = harness.CreateLogger();
                logger.LogInformation("Ratio {Ratio:0.00} at {When:yyyy-MM-dd} for {Name}", 0.5, new DateTime(2026, 3, 4), "x y");
                Defined(logger, 7, "p-1", null);
                logger.LogInformation("Items {Items}", items);
                logger.LogInformation("Item {Item}", item);
                DefinedObject(logger, item, null);
                items.Add(3);
                item.Text = "after";
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
        }

        Assert.Equal(
            [
                "[INFO] [job_id=d] Ratio 0.50 at 2026-03-04 for x y",
                "[INFO] [job_id=d] Defined 7 for p-1",
                "[INFO] [job_id=d] Items 1, 2",
                "[INFO] [job_id=d] Item before",
                "[INFO] [job_id=d] Defined before",
            ],
            client.Events("deferred", "jobs/d").Select(e => e.Message));
    }

    [Fact]
    public void A_template_that_fails_to_format_later_keeps_its_event_with_the_template_and_the_cause()
    {
        var client = new RecordingClient();
        var harness = LoggingHarness.Start(new Uri("http://127.0.0.1:9/"), "bad-format", clients: client);
        using (harness)
        {
            using var context = MetaMockLogContext.BeginJobContext("f");
            harness.CreateLogger().LogInformation("Count {Count:Q}", 5);
        }

        var line = Assert.Single(client.Events("bad-format", "jobs/f")).Message;
        // The console's own text for it (see UserText), so both print the same line.
        Assert.Equal("[INFO] [job_id=f] Count {Count:Q} [message formatter threw FormatException]", line);
        Assert.Equal(1, harness.Diagnostics.EventsSent);
        Assert.Equal(0, harness.Diagnostics.EventsDropped);
    }

    [Fact]
    public void A_log_call_made_while_another_is_being_captured_on_the_same_thread_keeps_both_messages_whole()
    {
        // The thread's holder of the outer call's state is in use while its exception's text is read; the inner call,
        // with a state of the same type, must get a holder of its own and leave the outer one's values alone.
        var client = new RecordingClient();
        var harness = LoggingHarness.Start(new Uri("http://127.0.0.1:9/"), "nested", clients: client);
        using (harness)
        {
            using var context = MetaMockLogContext.BeginJobContext("n");
            var logger = harness.CreateLogger();
            logger.LogError(new LoggingException(logger), "outer {Count} for {PresetId}", 1, "outer-preset");
            logger.LogInformation("after {Count} for {PresetId}", 3, "after-preset");
        }

        // The inner call is captured first: the outer one reads its exception's text before it takes the time.
        Assert.Equal(
            [
                "[INFO] [job_id=n] inner 2 for inner-preset",
                "[ERROR] [job_id=n] outer 1 for outer-preset",
                "[INFO] [job_id=n] after 3 for after-preset",
            ],
            client.Events("nested", "jobs/n").Select(e => e.Message.Split('\n')[0]));
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Generated {Count} for {PresetId}")]
    private static partial void Generated(ILogger logger, int count, string presetId);

    private sealed class LoggingException(ILogger logger) : Exception("logs when printed")
    {
        public override string ToString()
        {
            logger.LogInformation("inner {Count} for {PresetId}", 2, "inner-preset");
            return base.ToString();
        }
    }

    private sealed class Mutable(string text)
    {
        public string Text { get; set; } = text;

        public override string ToString() => Text;
    }

    // Asks DeferredMessage what it would do with each call's state and formatter, as the CloudWatch route does.
    private sealed class DeferProbe : ILogger
    {
        public List<bool> Deferred { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var deferred = DeferredMessage.TryDefer(state, formatter);
            Deferred.Add(deferred is not null);
            if (deferred is not null)
            {
                Assert.Equal(formatter(state, exception), DeferredMessage.Render(deferred));
                deferred.Release();
            }
        }
    }
}
