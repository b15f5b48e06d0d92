using System.Runtime.CompilerServices;
using CsCheck;
using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Sending;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending;

/// <summary>
/// The sender formats deferred template states into a reused buffer instead of calling their ToString: the text must
/// be the one Microsoft.Extensions.Logging's own formatting gives, for any template it accepts and any value deferred.
/// </summary>
public sealed class DeferredMessageWriterTests
{
    private static readonly string[] TemplatePieces =
    [
        "{A}", "{B,5}", "{C:0.0}", "{D,-4:x}", "{E:yyyy}", "{A}", "{{", "}}", "{", "}", ",", ":", " ", "text", "ü€😀", "{{{F}}}",
    ];

    // Microsoft.Extensions.Logging caches the parsed form of at most 1,024 templates per process, then parses the
    // template of every call anew (~900 B a call), and each call with a template it refuses counts against that limit
    // too. So the property draws from a fixed set of templates MEL accepts, each offered to MEL once here, and leaves
    // the cache to the other tests of this process (the capture-cost test measures through it).
    private static readonly string[] Templates = MakeTemplates(count: 256);

    private static readonly Gen<object?> Value = Gen.OneOf<object?>(
        Gen.Int.Select(v => (object?)v),
        Gen.Double.Select(v => (object?)v),
        Gen.Long.Select(v => (object?)v),
        Gen.Bool.Select(v => (object?)v),
        Gen.String.Select(v => (object?)v),
        Gen.Int.Select(_ => (object?)null),
        Gen.Const<object?>("a {B} }{ string"),
        Gen.DateTime.Select(v => (object?)v),
        Gen.Guid.Select(v => (object?)v),
        Gen.Decimal.Select(v => (object?)v),
        Gen.Int[0, 7].Select(v => (object?)(DayOfWeek)v),
        Gen.Long.Select(v => (object?)TimeSpan.FromTicks(v)));

    [Fact]
    public void Any_template_MEL_accepts_with_any_deferred_values_reads_exactly_as_the_states_own_formatting()
    {
        var writer = new DeferredMessageWriter();
        var compared = 0;
        Gen.Select(Gen.Int[0, Templates.Length - 1].Select(i => Templates[i]), Value.Array[0, 6]).Sample((template, values) =>
        {
#pragma warning disable CA2254 // Templates that vary are the point of this property.
            if (Capture(logger => logger.LogInformation(template, values)) is { } state)
#pragma warning restore CA2254
            {
                Assert.Equal(DeferredMessage.Render(state), writer.Write(state).ToString());
                compared++;
            }
        }, iter: 3_000, threads: 1); // one writer, as on the sender's one loop thread

        // Every template is one MEL accepts; the property must not pass by skipping the samples.
        Assert.True(Templates.Length > 50, $"only {Templates.Length} of the generated templates are valid");
        Assert.True(compared > 1_000, $"only {compared} samples were deferred and compared");
    }

    // [LoggerMessage] methods of up to six values log through these same states.
    [Fact]
    public void LoggerMessage_Define_states_read_as_their_own_formatting()
    {
        var writer = new DeferredMessageWriter();
        var define = LoggerMessage.Define<int, double, string?>(LogLevel.Information, 1, "n={N,4} r={R:0.00} s={S} {{end}}");
        Gen.Select(Gen.Int, Gen.Double, Gen.String.Null()).Sample((n, r, s) =>
        {
            var state = Capture(logger => define(logger, n, r, s, null));
            Assert.NotNull(state);
            Assert.Equal(DeferredMessage.Render(state), writer.Write(state).ToString());
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void Nulls_long_values_templates_without_values_and_bad_format_specifiers_read_as_before()
    {
        var writer = new DeferredMessageWriter();
        object[] states =
        [
            Capture(l => l.LogInformation("value {Value} here", (object?)null))!,
            Capture(l => l.LogInformation("long {Value}", new string('x', DeferredMessageWriter.MaxChars / 2)))!,
            Capture(l => l.LogInformation("{Value}", new string('y', 2 * DeferredMessageWriter.MaxChars)))!,
            Capture(l => l.LogInformation("no values {{kept}} as is"))!,
            Capture(l => l.LogInformation("Count {Count:Q}", 5))!,
        ];

        foreach (var state in states)
        {
            Assert.Equal(DeferredMessage.Render(state), writer.Write(state).ToString());
        }

        Assert.Equal("value (null) here", writer.Write(states[0]).ToString());
        Assert.Equal("no values {{kept}} as is", writer.Write(states[3]).ToString());
        Assert.StartsWith("Count {Count:Q} (message formatting failed: ", writer.Write(states[4]).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_of_a_known_template_is_formatted_without_allocating_and_its_values_are_not_kept()
    {
        var writer = new DeferredMessageWriter();
        var state = Capture(l => l.LogInformation("Generated {Count} images for {PresetId} in {Ms:0.0} ms", 12, "preset-42", 1.25))!;
        Assert.Equal("Generated 12 images for preset-42 in 1.3 ms", writer.Write(state).ToString());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var length = writer.Write(state).Length;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("Generated 12 images for preset-42 in 1.3 ms".Length, length);
        Assert.Equal(0, allocated);
        Assert.Equal(0, Reachability.CountAliveAfterFullCollection([WriteOnce(writer)]));
    }

    private static string[] MakeTemplates(int count)
    {
        var random = new Random(20261206);
        var made = Enumerable.Range(0, count)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(9)).Select(_ => TemplatePieces[random.Next(TemplatePieces.Length)])))
            .Distinct(StringComparer.Ordinal);
#pragma warning disable CA2254 // Templates that vary are the point of this property.
        return [.. made.Where(template => Capture(logger => logger.LogInformation(template, 1, 2, 3, 4, 5, 6)) is not null)];
#pragma warning restore CA2254
    }

    // Formats a message whose only value is a string nothing else refers to; the writer must not hold on to it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WriteOnce(DeferredMessageWriter writer)
    {
        var value = new string('v', 10);
        var state = Capture(l => l.LogInformation("{Value}", value))!;
        writer.Write(state);
        return new WeakReference(value);
    }

    private static object? Capture(Action<ILogger> log)
    {
        var probe = new DeferProbe();
        try
        {
            log(probe);
        }
        catch (FormatException)
        {
            // A template MEL itself refuses at the call: nothing is deferred.
        }

        return probe.State;
    }

    private sealed class DeferProbe : ILogger
    {
        public object? State { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            State = DeferredMessage.TryDefer(state, formatter, out _);
    }
}
