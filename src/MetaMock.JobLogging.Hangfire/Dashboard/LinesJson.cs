using System.Text.Json;
using MetaMock.JobLogging.Hangfire.Dashboard.Lines;

namespace MetaMock.JobLogging.Hangfire.Dashboard;

/// <summary>
/// The route's JSON. The default encoder escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes, so even a
/// browser that ignored the content type could not read markup out of a line.
/// </summary>
internal static class LinesJson
{
    public static string Page(string source, JobView job, LinesPage page, string? note) => Write(json =>
    {
        json.WriteString("source", source);
        json.WriteString("hangfireId", job.HangfireId);
        json.WriteString("currentRun", job.CurrentRun);
        json.WriteBoolean("live", job.Live);
        json.WriteBoolean("found", page.Found);
        json.WriteBoolean("atEnd", page.AtEnd);
        json.WriteString("next", page.Next);
        json.WriteString("note", note);
        json.WriteStartArray("lines");
        foreach (var line in page.Lines)
        {
            json.WriteStartObject();
            json.WriteNumber("t", line.Timestamp);
            json.WriteString("level", line.Level);
            json.WriteString("task", line.Task);
            json.WriteString("run", line.Run);
            json.WriteString("text", line.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    public static string Error(string message, int? retryAfterMs = null) => Write(json =>
    {
        json.WriteString("error", message);
        if (retryAfterMs is { } wait)
        {
            json.WriteNumber("retryAfterMs", wait);
        }
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
