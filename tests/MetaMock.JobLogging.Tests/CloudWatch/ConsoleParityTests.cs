using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ConsoleHarness = MetaMock.JobLogging.Tests.Support.LoggingHarness;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>
/// What the sender puts to CloudWatch (moto) is byte-for-byte the line the console formatter prints for the same call,
/// in both formats, for a matrix of calls. In production every WARNING line goes to both, so each call below is
/// compared with itself, the JSON <c>seq</c> included: one call, one number.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed partial class ConsoleParityTests(MotoFixture moto)
{
    private enum Shade
    {
        Light,
        Dark,
    }

    [Theory]
    [InlineData(LogFormat.Text)]
    [InlineData(LogFormat.Json)]
    public async Task Every_line_sent_is_the_console_line_of_the_same_call(LogFormat format)
    {
        var group = WireClients.UniqueGroup("parity");
        // One clock for the console and the call, so the JSON timestamps agree too (ticks below a millisecond included).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 1, 2, 3, TimeSpan.Zero).AddTicks(4567));
        var harness = new ConsoleHarness(configure: o =>
        {
            MotoLogging.Configure(o, moto.Server, group);
            o.Format = format;
        }, time: time);
        using (harness)
        {
            var logger = harness.Logger("Parity.\uD800Category");
            LogMatrix(logger);
            using (MetaMockLogContext.BeginContext(new UserContext("u 1"), new JobContext("parity-job", "task \"q\"", "run-1")))
            {
                LogMatrix(logger);
            }
        }

        using var reader = new MotoLogsReader(moto.Endpoint);
        var sent = new List<string>();
        foreach (var stream in await reader.StreamsAsync(group))
        {
            sent.AddRange(await reader.MessagesAsync(group, stream));
        }

        var printed = harness.Console.Writes;
        Assert.Equal(2 * MatrixCalls, printed.Count);
        Assert.Equal(printed.Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
        Assert.Equal(2 * MatrixCalls, harness.Diagnostics.EventsSent);
        Assert.Empty(harness.Diagnostics.DroppedByReason);
    }

    [Fact]
    public async Task With_the_system_clock_a_json_line_sent_carries_the_console_lines_timestamp()
    {
        // The console formats after the call has captured its record: reading the clock again there would give a later time.
        var group = WireClients.UniqueGroup("parity-clock");
        var harness = new ConsoleHarness(configure: o =>
        {
            MotoLogging.Configure(o, moto.Server, group);
            o.Format = LogFormat.Json;
        });
        using (harness)
        {
            var logger = harness.Logger("Parity.Clock");
            for (var i = 0; i < 20; i++)
            {
                logger.LogWarning("tick {Index}", i);
            }
        }

        using var reader = new MotoLogsReader(moto.Endpoint);
        var sent = new List<string>();
        foreach (var stream in await reader.StreamsAsync(group))
        {
            sent.AddRange(await reader.MessagesAsync(group, stream));
        }

        var printed = harness.Console.Writes;
        Assert.Equal(20, printed.Count);
        Assert.Equal(printed.Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
    }

    private const int MatrixCalls = 11;

    private static void LogMatrix(ILogger logger)
    {
        var when = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567);
        logger.LogWarning(
            "int {I} long {L} short {S} byte {B} sbyte {SB} ushort {US} uint {UI} ulong {UL} float {F} double {D} decimal {M} char {C} bool {Bo}",
            -42, long.MinValue, (short)-7, (byte)200, (sbyte)-100, (ushort)65000, 4_000_000_000u, ulong.MaxValue, 1.5f, Math.PI, 1234.5678m, 'c', true);
        logger.LogWarning(
            "dt {Dt} local {Local} dto {Dto} guid {G} ts {Ts} date {Date} time {Time} enum {E} null {N} string {Str} nan {Nan}",
            when, new DateTime(2026, 5, 6, 7, 8, 9, DateTimeKind.Unspecified), new DateTimeOffset(when.Ticks, TimeSpan.FromMinutes(330)),
            Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), TimeSpan.FromMilliseconds(-1234.5), new DateOnly(2026, 12, 6), new TimeOnly(23, 59, 58, 123),
            Shade.Dark, null, "text ü€😀 \"quoted\" \n new line", double.NaN);
        logger.LogWarning("nested {D:0.00} {Dt:yyyy-MM-dd HH:mm} {I,6}|{I2,-6}| {M:N2} {E:D} {X:X8} {{literal}} {Last}", 2.345, when, 42, 7, 9876.5m, Shade.Dark, 255, "end");
        logger.LogWarning("no values {{kept}} as is");
        logger.Log(LogLevel.Warning, default, new CustomState("custom"), null, static (s, _) => $"custom state {s.Name}");
        logger.LogError(Thrown(), "failed {Id} with {Reason}", 5, "a reason");
        Defined(logger, 12, 0.25, "preset-42", null);
        using (logger.BeginScope(new Dictionary<string, object?> { ["ScopeKey"] = "scope value", ["Count"] = 3, ["When"] = when }))
        using (logger.BeginScope("Order {OrderId} for {Shade}", 77, Shade.Light))
        using (logger.BeginScope("a plain scope"))
        {
            logger.LogWarning("in scopes {Value}", "v");
        }

        logger.LogWarning("lone \uD800 surrogates {Bad} {Key}", "x\uDC00y", new Uri("http://h/\uD83D"));
        logger.LogWarning("formatted at the call: {Value}", new List<int> { 1, 2, 3 });
#pragma warning disable CA2254 // A message beyond 256 KB, whole: the point is its size.
        logger.LogWarning(new string('é', 150_000) + " {End}", "end");
#pragma warning restore CA2254
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "defined {Count} at {Ratio:P1} for {PresetId} / {Missing}")]
    private static partial void Defined(ILogger logger, int count, double ratio, string presetId, string? missing);


    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("boom \uD800", new ArgumentException("inner"));
        }
        catch (InvalidOperationException error)
        {
            return error;
        }
    }

    private sealed class CustomState(string name) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Name => name;

        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index == 0 ? new("Name", name) : new("Length", name.Length);

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
