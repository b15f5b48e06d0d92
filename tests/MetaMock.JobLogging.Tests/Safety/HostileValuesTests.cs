using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using ConsoleHarness = MetaMock.JobLogging.Tests.Support.LoggingHarness;

namespace MetaMock.JobLogging.Tests.Safety;

/// <summary>
/// Values, formatters and exceptions that throw, and invalid UTF-16, through every route and format: the console in
/// development (text, JSON), and in production CloudWatch (text, JSON, through moto) with its console WARNING route.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class HostileValuesTests(MotoFixture moto)
{
    public enum Route
    {
        ConsoleText,
        ConsoleJson,
        CloudWatchText,
        CloudWatchJson,
    }

    [Theory]
    [InlineData(Route.ConsoleText)]
    [InlineData(Route.ConsoleJson)]
    [InlineData(Route.CloudWatchText)]
    [InlineData(Route.CloudWatchJson)]
    public async Task What_throws_becomes_a_named_placeholder_and_a_lone_surrogate_U_FFFD_and_every_line_is_written(Route route)
    {
        var group = WireClients.UniqueGroup("hostile");
        var cloudWatch = route is Route.CloudWatchText or Route.CloudWatchJson;
        var json = route is Route.ConsoleJson or Route.CloudWatchJson;
        var harness = new ConsoleHarness(configure: o =>
        {
            if (cloudWatch)
            {
                MotoLogging.Configure(o, moto.Server, group);
            }

            o.Format = json ? LogFormat.Json : LogFormat.Text;
        });
        using (harness)
        {
            LogHostileLines(harness.Logger("Hostile.\uD800Category"));
        }

        // In production the same WARNING lines also go to the console, through the same formatter.
        AssertLines(harness.Console.Writes, json);
        if (cloudWatch)
        {
            using var reader = new MotoLogsReader(moto.Endpoint);
            var streams = await reader.StreamsAsync(group);
            Assert.Contains(streams, s => s.StartsWith("jobs/bad\uFFFDid~", StringComparison.Ordinal));
            Assert.All(streams, s => Assert.True(Hostile.IsValidUtf8(s), s));
            var lines = new List<string>();
            foreach (var stream in streams)
            {
                lines.AddRange(await reader.MessagesAsync(group, stream));
            }

            AssertLines(lines, json);
            Assert.Equal(HostileLines, harness.Diagnostics.EventsSent);
            Assert.Equal(0, harness.Diagnostics.EventsDropped);
        }

        // Four calls had something throw; JSON also writes the bad value as a property, production writes each line twice.
        Assert.InRange(harness.Diagnostics.PlaceholdersWritten, 4, 20);
    }

    [Theory]
    [InlineData(LogFormat.Text)]
    [InlineData(LogFormat.Json)]
    public async Task A_job_id_with_a_lone_surrogate_keeps_its_events_in_a_valid_stream_in_CloudWatch(LogFormat format)
    {
        var group = WireClients.UniqueGroup("surrogate");
        var harness = new ConsoleHarness(configure: o =>
        {
            MotoLogging.Configure(o, moto.Server, group);
            o.Format = format;
        });
        using (harness)
        using (MetaMockLogContext.BeginJobContext("job\uD800"))
        {
            harness.Logger().LogInformation("first");
            harness.Logger().LogInformation("second");
        }

        using var reader = new MotoLogsReader(moto.Endpoint);
        var stream = Assert.Single(await reader.StreamsAsync(group));
        Assert.StartsWith("jobs/job\uFFFD~", stream, StringComparison.Ordinal);
        var lines = (await reader.MessagesAsync(group, stream)).Select(line => Hostile.Decoded(line, format == LogFormat.Json)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Contains("job\uFFFD", line, StringComparison.Ordinal));
        Assert.Equal(0, harness.Diagnostics.EventsDropped);
    }

    private const int HostileLines = 5;

    private static void LogHostileLines(ILogger logger)
    {
        using (MetaMockLogContext.BeginJobContext("hostile-job"))
        {
            logger.LogWarning("value {Value}", new Hostile.ThrowingToString());
            logger.Log(LogLevel.Warning, default, "state", null, (_, _) => throw new InvalidOperationException("the formatter threw"));
            logger.Log(LogLevel.Warning, default, new Hostile.ThrowingToString(), null, (state, _) => state.ToString()!);
            logger.LogWarning(new Hostile.ThrowingException(), "failed");
        }

        using (MetaMockLogContext.BeginContext(new UserContext("u\uD800"), new JobContext("bad\uDC00id", "t\uD83D", "r\uDE00\uD83D\uDE00")))
        using (logger.BeginScope(new[] { new KeyValuePair<string, object?>("scope\uD800", "s\uDFFF") }))
        {
            logger.LogWarning("message \uD800 {Value}", "v\uDFFFv");
        }
    }

    private static void AssertLines(IReadOnlyList<string> lines, bool json)
    {
        Assert.Equal(HostileLines, lines.Count);
        Assert.All(lines, line => Assert.True(Hostile.IsValidUtf8(line), line));
        var decoded = lines.Select(line => Hostile.Decoded(line, json)).ToList();
        Assert.Single(decoded, l => l.Contains("value [value ToString threw InvalidOperationException]", StringComparison.Ordinal));
        Assert.Equal(2, decoded.Count(l => l.Contains("[message formatter threw InvalidOperationException]", StringComparison.Ordinal)));
        Assert.Single(decoded, l => l.Contains("failed", StringComparison.Ordinal)
            && l.Contains("Hostile+ThrowingException: [exception ToString threw InvalidOperationException]", StringComparison.Ordinal));
        var surrogates = Assert.Single(decoded, l => l.Contains("message \uFFFD v\uFFFDv", StringComparison.Ordinal));
        Assert.Contains("bad\uFFFDid", surrogates, StringComparison.Ordinal);
        Assert.Contains("u\uFFFD", surrogates, StringComparison.Ordinal);
        Assert.Contains("t\uFFFD", surrogates, StringComparison.Ordinal);
        Assert.Contains("r\uFFFD", surrogates, StringComparison.Ordinal); // the pair after it is kept (escaped in a quoted text value)
        if (json)
        {
            Assert.Contains("scope\uFFFD=s\uFFFD", surrogates, StringComparison.Ordinal);
            Assert.Contains("category=Hostile.\uFFFDCategory", surrogates, StringComparison.Ordinal);
        }
    }
}
