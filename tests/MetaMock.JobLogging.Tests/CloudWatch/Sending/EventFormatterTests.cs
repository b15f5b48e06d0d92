using System.Text.Json;
using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Sending;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending;

public sealed class EventFormatterTests
{
    [Fact]
    public void A_text_event_is_the_console_line_without_its_line_break_and_counts_its_UTF8_bytes()
    {
        using var formatter = new EventFormatter(LogFormat.Text);

        var (message, bytes) = formatter.Format(Event("héllo 🚀", new LogContextSnapshot(new UserContext("7"), new JobContext("j", "t", "r"))));

        Assert.Equal("[WARNING] [user_id=7 job_id=j task=t run_id=r] héllo 🚀", message);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(message), bytes);
    }

    [Fact]
    public void A_huge_event_then_a_small_one_both_come_out_whole()
    {
        using var formatter = new EventFormatter(LogFormat.Text);
        var huge = new string('x', 200_000);

        Assert.Equal("[WARNING] " + huge, formatter.Format(Event(huge, null)).Message);
        Assert.Equal("[WARNING] small", formatter.Format(Event("small", null)).Message);
    }

    [Fact]
    public void A_JSON_event_is_one_object_with_the_exception_text()
    {
        using var formatter = new EventFormatter(LogFormat.Json);
        var item = new CapturedEvent(DateTimeOffset.UnixEpoch, LogLevel.Error, "Cat", "failed", new InvalidOperationException("boom"), null, null);

        var json = JsonDocument.Parse(formatter.Format(item).Message).RootElement;

        Assert.Equal("ERROR", json.GetProperty("level").GetString());
        Assert.Contains("boom", json.GetProperty("exception").GetString(), StringComparison.Ordinal);
    }

    private static CapturedEvent Event(string message, LogContextSnapshot? context) =>
        new(DateTimeOffset.UnixEpoch, LogLevel.Warning, "c", message, null, context, null);
}
