using CsCheck;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records;

public sealed class RecordFormatTests
{
    private enum Shade
    {
        Light,
        Dark,
    }

    // Every kind the record keeps by type, plus an enum (kept as its name) and other objects (kept as their text).
    private static readonly Gen<object?> Value = Gen.OneOf<object?>(
        Gen.Const(0).Select(_ => (object?)null),
        Gen.String.Select(s => (object?)s),
        Gen.Bool.Select(v => (object?)v),
        Gen.Int.Select(v => (object?)v),
        Gen.Long.Select(v => (object?)v),
        Gen.Short.Select(v => (object?)v),
        Gen.Byte.Select(v => (object?)v),
        Gen.SByte.Select(v => (object?)v),
        Gen.UShort.Select(v => (object?)v),
        Gen.UInt.Select(v => (object?)v),
        Gen.ULong.Select(v => (object?)v),
        Gen.Float.Select(v => (object?)v),
        Gen.Double.Select(v => (object?)v),
        Gen.Decimal.Select(v => (object?)v),
        Gen.Char.Select(v => (object?)v),
        Gen.DateTime.Select(v => (object?)v),
        Gen.DateTimeOffset.Select(v => (object?)v),
        Gen.Guid.Select(v => (object?)v),
        Gen.TimeSpan.Select(v => (object?)v),
        Gen.DateOnly.Select(v => (object?)v),
        Gen.TimeOnly.Select(v => (object?)v),
        Gen.Enum<Shade>().Select(v => (object?)v),
        Gen.Int.Select(v => (object?)new Uri($"http://h/{v}")));

    // What a value reads back as: itself, except an enum (its name) and other objects (their invariant text).
    private static object? Expected(object? value) => value switch
    {
        Enum e => e.ToString(),
        Uri u => u.ToString(),
        _ => value,
    };

    [Fact]
    public void Every_event_reads_back_with_the_host_and_process_that_wrote_its_segment()
    {
        // The origin is written once per segment, before its first event; the second event reads it from there.
        var codec = new RecordCodec();
        var first = codec.Append(RecordCodec.Event(codec.Category("c"), "one"));
        var second = codec.Append(RecordCodec.Event(codec.Category("c"), "two"));

        var here = ((string, int)?)(LineOrigin.Host, LineOrigin.ProcessId);
        Assert.Equal(here, codec.Read(first.Offset, v => v.Origin));
        Assert.Equal(here, codec.Read(second.Offset, v => v.Origin));
    }

    [Fact]
    public void Every_value_kind_reads_back_with_its_type_as_a_template_value_a_property_and_a_scope_property() =>
        Gen.Select(Value.Where(v => v is not Shade).List[0, 8], Value.List[0, 4], Value.List[0, 4]).Sample((values, properties, scopes) =>
        {
            var codec = new RecordCodec();
            var state = RecordCodec.State(string.Concat(values.Select((_, i) => $"{{V{i}}} ")), [.. values]);
            var props = properties.Select((v, i) => new KeyValuePair<string, object?>($"p{i}", v)).ToList();
            var scopeProvider = new LoggerExternalScopeProvider();
            using var scope = scopeProvider.Push(scopes.Select((v, i) => new KeyValuePair<string, object?>($"s{i}", v)).ToList());
            var (offset, _) = codec.Append(RecordCodec.Event(codec.Category("c"), state, properties: props, scopes: scopeProvider));

            var (readValues, readProps, readScopes) = codec.Read(offset, v => (RecordCodec.Values(v.Values), RecordCodec.Pairs(v.Properties), RecordCodec.Pairs(v.Scopes)));
            Assert.Equal(values.Select(Expected), readValues);
            Assert.Equal(props.Select(p => (p.Key, Expected(p.Value))), readProps);
            Assert.Equal(scopes.Select((v, i) => ($"s{i}", Expected(v))), readScopes);
        });

    [Fact]
    public void A_template_message_reads_back_as_the_text_Microsoft_Extensions_Logging_formats_for_it() =>
        Gen.Select(Value.List[1, 6], Gen.Bool).Sample((values, withSpecifier) =>
        {
            var immutable = values.Where(v => v is not Uri).ToArray();
            var template = string.Concat(immutable.Select((v, i) => withSpecifier && v is int or long or double or decimal or DateTime ? $"<{{V{i}:G}}>" : $"<{{V{i}}}>"));
            var logger = new CapturingLogger();
#pragma warning disable CA2254 // The template varies on purpose: it is what is under test.
            logger.LogInformation(template, immutable);
#pragma warning restore CA2254
            Assert.NotNull(logger.Deferred);
            var codec = new RecordCodec();
            var (offset, _) = codec.Append(RecordCodec.Event(codec.Category("c"), logger.Deferred!));

            Assert.Equal(logger.Formatted, codec.Read(offset, v => v.MessageText()));
        });

    [Fact]
    public void A_source_generated_or_params_states_values_read_from_its_fields_are_recorded_as_its_list_gives_them()
    {
        var first = LoggerMessage.Define<int, long, double, bool, decimal, DateTime>(LogLevel.Information, 1, "{A} {B} {C} {D} {E} {F}");
        var second = LoggerMessage.Define<Guid, TimeSpan, DateTimeOffset, string?, float, char>(LogLevel.Information, 2, "{A} {B} {C} {D} {E} {F}");
        Gen.Select(Gen.Int, Gen.Long, Gen.Double, Gen.Bool, Gen.Decimal, Gen.DateTime).Select(Gen.Guid, Gen.TimeSpan, Gen.DateTimeOffset, Gen.String.Null())
            .Sample((one, guid, span, offset, text) =>
            {
                var (a, b, c, d, e, f) = one;
                AssertSameRecord(logger => first(logger, a, b, c, d, e, f, null));
                AssertSameRecord(logger => second(logger, guid, span, offset, text, (float)c, (char)a, null));
#pragma warning disable CA1848, CA2254, CA2017 // LogInformation(template, args) is the state under test, with more values than holes too.
                AssertSameRecord(logger => logger.LogInformation("{A} {B} {C} {D} {E} {F} {G} {H} {I}", a, b, c, d, e, f, guid, text, offset));
                AssertSameRecord(logger => logger.LogInformation("no holes"));
                AssertSameRecord(logger => logger.LogInformation("{A} only", a, b, text));
#pragma warning restore CA1848, CA2254, CA2017
            });

        static void AssertSameRecord(Action<ILogger> log)
        {
            var logger = new CapturingLogger();
            log(logger);
            Assert.NotNull(logger.Reader);
            var codec = new RecordCodec();
            var category = codec.Category("c");
            var typed = codec.Append(RecordCodec.Event(category, logger.Deferred!) with { ValueReader = logger.Reader });
            var listed = codec.Append(RecordCodec.Event(category, logger.Deferred!));

            // Read in order: the first frame carries the definitions.
            var fromFields = codec.Read(typed.Offset, v => (RecordCodec.Values(v.Values), v.MessageText()));
            Assert.Equal(codec.Read(listed.Offset, v => RecordCodec.Values(v.Values)), fromFields.Item1);
            Assert.Equal(logger.Formatted, fromFields.Item2);
        }
    }

    [Theory]
    [InlineData("Level {Level}")]
    [InlineData("Level {Level:D}")]
    [InlineData("Level {Level:X}")]
    public void A_template_with_an_enum_value_is_formatted_at_the_call_as_Microsoft_Extensions_Logging_formats_it(string template)
    {
        var logger = new CapturingLogger();
#pragma warning disable CA2254 // The template varies on purpose: it is what is under test.
        logger.LogInformation(template, Shade.Dark);
#pragma warning restore CA2254
        var codec = new RecordCodec();
        var (offset, _) = codec.Append(RecordCodec.Event(codec.Category("c"), logger.Deferred!, properties: (IEnumerable<KeyValuePair<string, object?>>)logger.Deferred!));

        Assert.Equal((logger.Formatted, (TemplateDefinition?)null), codec.Read(offset, v => (v.MessageText(), v.Template)));
        Assert.Equal([("Level", (object?)"Dark")], codec.Read(offset, v => RecordCodec.Pairs(v.Properties)));
    }

    [Fact]
    public void The_time_level_category_context_message_and_exception_read_back_as_written()
    {
        var codec = new RecordCodec();
        var full = LogContextSnapshot.Create(new UserContext("123"), new JobContext("bulk-abc", "generate_images", "run-456"));
        var userOnly = LogContextSnapshot.Create(new UserContext("u-9"), null);
        var first = codec.Append(RecordCodec.Event(codec.Category("Jobs.Images"), "formatted é ✓ 😀", full, "System.Exception: boom", level: LogLevel.Error));
        var second = codec.Append(RecordCodec.Event(codec.Category("Other"), "plain", userOnly, level: LogLevel.Trace));

        var read = codec.Read(first.Offset, v => (v.Timestamp, v.Level, v.Category, v.Context, v.MessageText(), v.HasException, System.Text.Encoding.UTF8.GetString(v.Exception)));
        Assert.Equal(new DateTimeOffset(new DateTime(2026, 12, 6, 1, 2, 3, DateTimeKind.Utc).Ticks + 4567, TimeSpan.Zero), read.Timestamp);
        Assert.Equal((LogLevel.Error, "Jobs.Images", "formatted é ✓ 😀", true, "System.Exception: boom"), (read.Level, read.Category, read.Item5, read.HasException, read.Item7));
        Assert.Equal(("123", "bulk-abc", "generate_images", "run-456"), (read.Context!.UserId, read.Context.JobId, read.Context.TaskName, read.Context.TaskRunId));
        Assert.Equal(full!.TextPrefix, read.Context.TextPrefix);
        var other = codec.Read(second.Offset, v => (v.Level, v.Category, v.Context!.UserId, v.Context.Job, v.HasException));
        Assert.Equal((LogLevel.Trace, "Other", "u-9", (JobContext?)null, false), other);
    }

    [Fact]
    public void Lone_surrogates_are_written_as_the_replacement_character()
    {
        var codec = new RecordCodec();
        var (offset, _) = codec.Append(RecordCodec.Event(codec.Category("c"), "a\uD800b\uDC00c", properties: [new("k\uD83D", "v\uDE00")]));

        Assert.Equal("a\uFFFDb\uFFFDc", codec.Read(offset, v => v.MessageText()));
        Assert.Equal([("k\uFFFD", (object?)"v\uFFFD")], codec.Read(offset, v => RecordCodec.Pairs(v.Properties)));
    }

    [Fact]
    public void An_object_changed_after_the_call_keeps_the_text_it_had_at_the_call()
    {
        var codec = new RecordCodec();
        var order = new Order { State = "created" };
        var scopeProvider = new LoggerExternalScopeProvider();
        using var scope = scopeProvider.Push(new Dictionary<string, object?> { ["Order"] = order });
        var (offset, _) = codec.Append(RecordCodec.Event(codec.Category("c"), $"Order {order}", properties: [new("Order", order)], scopes: scopeProvider));
        order.State = "shipped";

        Assert.Equal([("Order", (object?)"Order(state=created)")], codec.Read(offset, v => RecordCodec.Pairs(v.Properties)));
        Assert.Equal([("Order", (object?)"Order(state=created)")], codec.Read(offset, v => RecordCodec.Pairs(v.Scopes)));
    }

    [Fact]
    public void Definitions_are_written_once_per_segment_and_again_in_the_next()
    {
        var codec = new RecordCodec();
        var context = LogContextSnapshot.Create(new UserContext("123"), new JobContext("job-1"));
        var category = codec.Category("Jobs");
        LogEvent Call() => RecordCodec.Event(category, RecordCodec.State("Generated {V0} images", 12), context);

        var first = codec.Append(Call());
        var second = codec.Append(Call());
        codec.NewSegment();
        var third = codec.Append(Call());

        Assert.True(second.BodyLength < first.BodyLength / 2, $"{second.BodyLength} vs {first.BodyLength}: the second repeats definitions");
        Assert.Equal(first.BodyLength, third.BodyLength);
        Assert.Equal("Generated 12 images", codec.Read(third.Offset, v => v.MessageText()));
    }

    [Fact]
    public void The_template_values_stand_for_the_json_properties_when_the_state_is_the_message()
    {
        var codec = new RecordCodec();
        var state = RecordCodec.State("{V0} for {V1}", 12, "preset-42");
        var (offset, _) = codec.Append(RecordCodec.Event(codec.Category("c"), state, properties: state));

        var read = codec.Read(offset, v => (v.TemplateProperties, v.Properties.Count, v.Template!.Names, RecordCodec.Values(v.Values)));
        Assert.Equal((true, 0), (read.TemplateProperties, read.Count));
        Assert.Equal(["V0", "V1"], read.Names);
        Assert.Equal([12, (object?)"preset-42"], read.Item4);
    }

    private sealed class Order
    {
        public string State { get; set; } = "";

        public override string ToString() => $"Order(state={State})";
    }
}
