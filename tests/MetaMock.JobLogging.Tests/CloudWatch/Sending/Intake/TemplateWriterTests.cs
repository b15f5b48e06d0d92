using CsCheck;
using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Sending.Intake;
using MetaMock.JobLogging.Tests.CloudWatch.Records;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Intake;

/// <summary>
/// The sender formats a record's template and values into a reused buffer: the text must be the one
/// Microsoft.Extensions.Logging's own formatting gives at the call, for any template it accepts and any value deferred.
/// </summary>
public sealed class TemplateWriterTests
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
        var writer = new TemplateWriter();
        var compared = 0;
        Gen.Select(Gen.Int[0, Templates.Length - 1].Select(i => Templates[i]), Value.Array[0, 6]).Sample((template, values) =>
        {
#pragma warning disable CA2254 // Templates that vary are the point of this property.
            if (Capture(logger => logger.LogInformation(template, values)) is { } state)
#pragma warning restore CA2254
            {
                Assert.Equal(DeferredMessage.Render(state), Write(writer, state));
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
        var writer = new TemplateWriter();
        var define = LoggerMessage.Define<int, double, string?>(LogLevel.Information, 1, "n={N,4} r={R:0.00} s={S} {{end}}");
        Gen.Select(Gen.Int, Gen.Double, Gen.String.Null()).Sample((n, r, s) =>
        {
            var state = Capture(logger => define(logger, n, r, s, null));
            Assert.NotNull(state);
            Assert.Equal(DeferredMessage.Render(state), Write(writer, state));
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void Nulls_long_values_templates_without_values_and_bad_format_specifiers_read_as_before()
    {
        var writer = new TemplateWriter();
        object[] states =
        [
            Capture(l => l.LogInformation("value {Value} here", (object?)null))!,
            Capture(l => l.LogInformation("long {Value}", new string('x', TemplateWriter.MaxChars / 2)))!,
            Capture(l => l.LogInformation("{Value}", new string('y', 2 * TemplateWriter.MaxChars)))!,
            Capture(l => l.LogInformation("no values {{kept}} as is"))!,
            Capture(l => l.LogInformation("Count {Count:Q}", 5))!,
        ];

        foreach (var state in states)
        {
            Assert.Equal(DeferredMessage.Render(state), Write(writer, state));
        }

        Assert.Equal("value (null) here", Write(writer, states[0]));
        Assert.Equal("no values {{kept}} as is", Write(writer, states[3]));
        Assert.Equal("Count {Count:Q} [message formatter threw FormatException]", Write(writer, states[4]));
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

    // The state as a record, read back and formatted as the sender does (a message formatted at the call as it is).
    private static string Write(TemplateWriter writer, object state)
    {
        var codec = new RecordCodec();
        var (offset, _) = codec.Append(RecordCodec.Event(codec.Category("c"), state));
        return codec.Read(offset, view => view.Template is { } template ? writer.Write(template, view.Values).ToString() : view.MessageText());
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
            State = Records.CapturingLogger.KeepDeferred(state, formatter);
    }
}
