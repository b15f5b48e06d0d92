using System.Text.RegularExpressions;
using CsCheck;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending;

/// <summary>The whole sender (capture, routing, formatting, splitting, cutting, sending) against a CloudWatch that enforces every rule.</summary>
public sealed partial class SenderPropertyTests
{
    private static readonly Gen<(int Job, string Text, long GapMs)> Event = Gen.Select(
        Gen.Int[0, 3],
        Gen.Frequency((20, Generators.Text(40)), (1, Generators.Text(8).Select(Huge))),
        Gen.Frequency((10, Gen.Long[0, 5]), (1, Gen.Long[0, 3 * 3_600_000L])));

    [Fact]
    public void Every_call_obeys_PutLogEvents_rules_and_each_stream_receives_its_lines_in_order_with_parts_rejoined() =>
        Event.Array[1, 60].Sample(events =>
        {
            var client = new RecordingClient();
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var harness = LoggingHarness.Start(new Uri("http://127.0.0.1:9/"), "property", time: time, clients: client);
            using (harness)
            {
                var logger = harness.CreateLogger();
                foreach (var (job, text, gap) in events)
                {
                    time.Advance(TimeSpan.FromMilliseconds(gap));
                    using var context = MetaMockLogContext.BeginJobContext($"p{job}");
                    logger.LogInformation("{Text}", text);
                }
            }

            Assert.True(harness.Diagnostics.EventsSent == events.Length, $"sent {harness.Diagnostics.EventsSent} of {events.Length}; dropped {string.Join(", ", harness.Diagnostics.DroppedByReason)}; {harness.Warnings.Text}");
            Assert.Empty(client.Violations);
            foreach (var job in events.Select(e => e.Job).Distinct())
            {
                var expected = events.Where(e => e.Job == job).Select(e => $"[INFO] [job_id=p{job}] {e.Text}");
                Assert.Equal(expected, Rejoin(client.Events("property", $"jobs/p{job}").Select(e => e.Message)));
            }
        }, iter: 40);

    [Fact]
    public void A_value_whose_ToString_throws_on_the_sender_keeps_its_event_with_a_placeholder_in_the_JSON_format()
    {
        var client = new RecordingClient();
        var harness = LoggingHarness.Start(new Uri("http://127.0.0.1:9/"), "bad-value", o => o.Format = LogFormat.Json, clients: client);
        using (harness)
        {
            using var context = MetaMockLogContext.BeginJobContext("v");
            var logger = harness.CreateLogger();
            logger.LogInformation("before");
            logger.LogInformation("value {Value}", new ThrowsLater());
            logger.LogInformation("after");
        }

        var lines = client.Events("bad-value", "jobs/v").Select(e => System.Text.Json.JsonDocument.Parse(e.Message).RootElement).ToList();
        Assert.Equal(["before", "value fine", "after"], lines.Select(l => l.GetProperty("message").GetString()));
        Assert.Equal("[value ToString threw InvalidOperationException]", lines[1].GetProperty("Value").GetString());
        Assert.Equal(1, harness.Diagnostics.PlaceholdersWritten);
        Assert.Equal(0, harness.Diagnostics.EventsDropped);
        Assert.Equal(3, harness.Diagnostics.EventsSent);
    }

    private static string Huge(string seed) =>
        string.Concat(Enumerable.Repeat(seed.Length == 0 ? "界🚀" : seed, 1_100_000 / Math.Max(1, System.Text.Encoding.UTF8.GetByteCount(seed.Length == 0 ? "界🚀" : seed)) + 1));

    private static IEnumerable<string> Rejoin(IEnumerable<string> messages)
    {
        var pending = new List<string>();
        foreach (var message in messages)
        {
            var marker = PartMarker().Match(message);
            if (!marker.Success)
            {
                yield return message;
                continue;
            }

            pending.Add(message[marker.Length..]);
            if (marker.Groups[1].Value == marker.Groups[2].Value)
            {
                yield return string.Concat(pending);
                pending.Clear();
            }
        }
    }

    /// <summary>Prints fine once (the message, on the caller's thread), then throws (the JSON value, in the background).</summary>
    private sealed class ThrowsLater : IFormattable
    {
        private int _calls;

        public override string ToString() => ToString(null, null);

        public string ToString(string? format, IFormatProvider? formatProvider) =>
            Interlocked.Increment(ref _calls) == 1 ? "fine" : throw new InvalidOperationException("ToString failed");
    }

    [GeneratedRegex(@"^\[part (\d+)/(\d+)\] ")]
    private static partial Regex PartMarker();
}
