using System.Buffers;
using System.Text;
using System.Text.Json;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Sending.Intake;
using MetaMock.JobLogging.Formatting;
using MetaMock.JobLogging.Tests.CloudWatch.Records;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Intake;

public sealed class EventFormatterTests
{
    [Fact]
    public void A_text_event_is_the_console_line_without_its_line_break_and_counts_its_UTF8_bytes()
    {
        using var formatter = new EventFormatter(LogFormat.Text);

        var (message, bytes) = Format(formatter, Event("héllo 🚀", new LogContextSnapshot(new UserContext("7"), new JobContext("j", "t", "r"))));

        Assert.Equal("[WARNING] [user_id=7 job_id=j task=t run_id=r] héllo 🚀", message);
        Assert.Equal(Encoding.UTF8.GetByteCount(message), bytes);
    }

    [Fact]
    public void A_huge_event_then_a_small_one_both_come_out_whole()
    {
        using var formatter = new EventFormatter(LogFormat.Text);
        var huge = new string('x', 200_000);

        Assert.Equal("[WARNING] " + huge, Format(formatter, Event(huge, null)).Message);
        Assert.Equal("[WARNING] small", Format(formatter, Event("small", null)).Message);
    }

    [Fact]
    public void A_JSON_event_is_one_object_with_the_exception_text()
    {
        using var formatter = new EventFormatter(LogFormat.Json);
        var json = JsonDocument.Parse(Format(formatter, LogLevel.Error, "failed", null, new InvalidOperationException("boom")).Message).RootElement;

        Assert.Equal("ERROR", json.GetProperty("level").GetString());
        Assert.Contains("boom", json.GetProperty("exception").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogLevel.Trace, false)]
    [InlineData(LogLevel.Debug, false)]
    [InlineData(LogLevel.Information, false)]
    [InlineData(LogLevel.Warning, true)]
    [InlineData(LogLevel.Error, true)]
    [InlineData(LogLevel.Critical, false)]
    [InlineData(LogLevel.None, false)]
    public void A_text_event_is_TextLine_record_without_its_final_line_break_with_or_without_an_exception(LogLevel level, bool withException)
    {
        using var formatter = new EventFormatter(LogFormat.Text);
        var context = new LogContextSnapshot(new UserContext("7"), new JobContext("j 1", "t", null));
        var error = withException ? Thrown() : null;
        using var expected = new StringWriter();
        TextLine.Write(expected, level, context, "héllo\n日本 🚀", error);

        var (message, bytes) = Format(formatter, level, "héllo\n日本 🚀", context, error);

        Assert.Equal(expected.ToString()[..^Environment.NewLine.Length], message);
        Assert.Equal(Encoding.UTF8.GetByteCount(message), bytes);
    }

    [Theory]
    [InlineData("wf-7", "j7", "638712345678901234")]
    [InlineData("j 1", "t", null)]
    [InlineData("j", "t]x", "r")]
    [InlineData(null, null, null)]
    public void The_context_prefix_written_in_place_or_taken_from_the_context_matches_the_console_line(string? jobId, string? task, string? runId)
    {
        using var formatter = new EventFormatter(LogFormat.Text);
        // A long bare user id as well: a prefix past the formatter's buffer comes from the context's string.
        foreach (var userId in new[] { "42", new string('u', 300) })
        {
            var context = new LogContextSnapshot(new UserContext(userId), jobId is null ? null : new JobContext(jobId, task, runId));
            using var expected = new StringWriter();
            TextLine.Write(expected, LogLevel.Warning, context, "m", null);

            Assert.Equal(expected.ToString()[..^Environment.NewLine.Length], Format(formatter, Event("m", context)).Message);
        }
    }

    [Fact]
    public void A_line_with_a_new_bare_context_allocates_no_prefix()
    {
        using var formatter = new EventFormatter(LogFormat.Text);
        var codec = new RecordCodec();
        var category = codec.Category("c");
        var offsets = Enumerable.Range(0, 100)
            .Select(i => codec.Append(Event(category, LogLevel.Warning, "m", new LogContextSnapshot(new UserContext("42"), new JobContext($"wf-{i}", "j7", $"6387123456789{i:D5}")))).Offset)
            .ToArray();
        var output = new ArrayBufferWriter<byte>(1 << 16);
        codec.Read(offsets[0], view => Formatted(formatter, view, output));
        output.ResetWrittenCount();

        // Each context's prefix string would be about 150 B.
        Assert.All(offsets, offset => Assert.Equal(0, codec.Read(offset, view => Formatted(formatter, view, output))));
        Assert.Contains("[WARNING] [user_id=42 job_id=wf-99 task=j7 run_id=638712345678900099] m", Encoding.UTF8.GetString(output.WrittenSpan), StringComparison.Ordinal);
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException error)
        {
            return error;
        }
    }

    // The bytes the formatter allocated for one line (the record is decoded before).
    [Fact]
    public void A_JSON_event_replayed_from_another_process_keeps_that_process_host_and_pid()
    {
        using var formatter = new EventFormatter(LogFormat.Json);
        var codec = new RecordCodec();
        var (offset, _) = codec.Append(Event(codec.Category("c"), LogLevel.Information, "left behind", null));
        var output = new ArrayBufferWriter<byte>();
        codec.Read(offset, view => Formatted(formatter, view with { Origin = ("elsewhere", 4242) }, output));
        var json = JsonDocument.Parse(output.WrittenMemory).RootElement;

        Assert.Equal("elsewhere", json.GetProperty("host").GetString());
        Assert.Equal(4242, json.GetProperty("pid").GetInt32());
    }

    private static long Formatted(EventFormatter formatter, EventView view, ArrayBufferWriter<byte> output)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        formatter.Format(view, output);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static (string Message, int Utf8Bytes) Format(EventFormatter formatter, LogLevel level, string message, LogContextSnapshot? context, Exception? error = null)
    {
        var codec = new RecordCodec();
        var (offset, _) = codec.Append(Event(codec.Category("c"), level, message, context, error));
        var output = new ArrayBufferWriter<byte>();
        codec.Read(offset, view => Formatted(formatter, view, output));
        return (Encoding.UTF8.GetString(output.WrittenSpan), output.WrittenCount);
    }

    private static (string Message, int Utf8Bytes) Format(EventFormatter formatter, (LogLevel Level, string Message, LogContextSnapshot? Context) item) =>
        Format(formatter, item.Level, item.Message, item.Context);

    private static LogEvent Event(InternedText category, LogLevel level, string message, LogContextSnapshot? context, Exception? error = null) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks, level, category, context, message, error?.ToString(), null, null);

    private static (LogLevel, string, LogContextSnapshot?) Event(string message, LogContextSnapshot? context) => (LogLevel.Warning, message, context);
}
