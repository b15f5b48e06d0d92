using CsCheck;
using MetaMock.JobLogging.Formatting;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using CloudWatchHarness = MetaMock.JobLogging.Tests.CloudWatch.Support.LoggingHarness;
using ConsoleHarness = MetaMock.JobLogging.Tests.Support.LoggingHarness;

namespace MetaMock.JobLogging.Tests.Safety;

/// <summary>
/// Arbitrary UTF-16 (lone surrogates, control characters, pairs, CJK) as ids, messages, templates and values, and values
/// whose ToString throws, through the console and CloudWatch in both formats: no call throws, every event is written,
/// every line is valid UTF-8, JSON lines parse back, and the text reads as given with U+FFFD for each lone surrogate.
/// </summary>
public sealed class HostileTextPropertyTests
{
    private const int CallsPerEvent = 3;

    private static readonly Gen<string> Unit = Gen.Frequency(
        (4, Gen.Char[' ', '~'].Select(c => c.ToString())),
        (2, Gen.Char['\0', '\x1F'].Select(c => c.ToString())),
        (2, Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString())),
        (1, Gen.Int[0x1F300, 0x1FAFF].Select(char.ConvertFromUtf32)),
        (1, Gen.Char['\u4E00', '\u9FFF'].Select(c => c.ToString())));

    private static readonly Gen<string> Text = Unit.Array[0, 12].Select(string.Concat);

    // Ids may not be empty or whitespace (the context API refuses them); anything else goes.
    private static readonly Gen<string> Id = Text.Select(text => "i" + text);

    private static readonly Gen<(string Job, string User, string Message, string Value, bool Throws)> Event =
        Gen.Select(Id, Id, Text, Text, Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true))));

    [Fact]
    public void Arbitrary_text_never_throws_and_every_event_is_written_as_valid_UTF8_that_reads_back() =>
        Event.Array[1, 6].Sample(events =>
        {
            foreach (var format in new[] { LogFormat.Text, LogFormat.Json })
            {
                CheckConsole(events, format);
                CheckCloudWatch(events, format);
            }
        }, iter: 25);

    private static void CheckConsole((string Job, string User, string Message, string Value, bool Throws)[] events, LogFormat format)
    {
        using var harness = new ConsoleHarness(configure: o => o.Format = format);
        LogAll(harness.Logger("c\uD800at"), events);

        var writes = harness.Console.Writes;
        Assert.Equal(events.Length * CallsPerEvent, writes.Count);
        AssertReadsBack(writes, events, format);
    }

    private static void CheckCloudWatch((string Job, string User, string Message, string Value, bool Throws)[] events, LogFormat format)
    {
        var client = new RecordingClient();
        var harness = CloudWatchHarness.Start(new Uri("http://127.0.0.1:9/"), "hostile", o => o.Format = format, clients: client);
        using (harness)
        {
            LogAll(harness.CreateLogger("c\uD800at"), events);
        }

        Assert.Empty(client.Violations);
        Assert.True(harness.Diagnostics.EventsSent == events.Length * CallsPerEvent,
            $"sent {harness.Diagnostics.EventsSent} of {events.Length * CallsPerEvent}; dropped {string.Join(", ", harness.Diagnostics.DroppedByReason)}");
        AssertReadsBack([.. client.AllEvents.Select(e => e.Message)], events, format);
    }

    private static void LogAll(ILogger logger, (string Job, string User, string Message, string Value, bool Throws)[] events)
    {
        foreach (var (job, user, message, value, throws) in events)
        {
            using var context = MetaMockLogContext.BeginContext(new UserContext(user), new JobContext(job, message.Length > 0 ? message : null, value.Length > 0 ? value : null));
            using var scope = logger.BeginScope(new[] { new KeyValuePair<string, object?>(value, message) });
            logger.LogInformation("{Text}|{Value}", message, throws ? new Hostile.ThrowingToString() : value);
            logger.Log(LogLevel.Information, default, message, null, (state, _) => state);
            // The message as a template, braces escaped: Microsoft's extension method itself throws on a malformed template,
            // before any logger is called.
#pragma warning disable CA2254 // An arbitrary template is the point.
            logger.LogWarning(throws ? new Hostile.ThrowingException() : new InvalidOperationException(value), message.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), value);
#pragma warning restore CA2254
        }
    }

    private static void AssertReadsBack(IReadOnlyList<string> lines, (string Job, string User, string Message, string Value, bool Throws)[] events, LogFormat format)
    {
        var json = format == LogFormat.Json;
        Assert.All(lines, line => Assert.True(Hostile.IsValidUtf8(line), line));
        var decoded = lines.Select(line => Hostile.Decoded(line, json)).ToList();
        foreach (var (_, _, message, value, throws) in events)
        {
            var expectedValue = throws ? "[value ToString threw InvalidOperationException]" : ValidUtf16.Repair(value);
            var templated = $"{ValidUtf16.Repair(message)}|{expectedValue}";
            Assert.Contains(decoded, line => json ? line.Contains($"message={templated}\n", StringComparison.Ordinal) : line.EndsWith(templated, StringComparison.Ordinal));
            Assert.Contains(decoded, line => json ? line.Contains($"message={ValidUtf16.Repair(message)}\n", StringComparison.Ordinal) : line.EndsWith(ValidUtf16.Repair(message), StringComparison.Ordinal));
        }
    }
}
