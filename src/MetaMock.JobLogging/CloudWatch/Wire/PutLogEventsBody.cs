using System.Text.Encodings.Web;
using System.Text.Json;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// Writes a PutLogEvents request, <c>{"logGroupName":..,"logStreamName":..,"logEvents":[{"timestamp":..,"message":..}]}</c>,
/// straight from the batch's UTF-8 messages: the same bytes System.Text.Json wrote for the request record (relaxed
/// escaping: quotes, backslashes and control characters escaped, other text as it is), without a string per event.
/// </summary>
internal static class PutLogEventsBody
{
    // Per event: {"timestamp":1234567890123,"message":""}, a comma, and room for a few escapes.
    private const int PerEventOverhead = 64;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static RequestBody Write(ILogEventBatch batch)
    {
        var capacity = batch.MessageBytes + ((long)batch.Count * PerEventOverhead) + 1_024;
        return RequestBody.Write(
            (int)Math.Min(capacity, Array.MaxLength),
            batch,
            static (writer, batch) =>
            {
                using var json = new Utf8JsonWriter(writer, Options);
                json.WriteStartObject();
                json.WriteString("logGroupName"u8, batch.LogGroupName);
                json.WriteString("logStreamName"u8, batch.LogStreamName);
                json.WriteStartArray("logEvents"u8);
                for (var i = 0; i < batch.Count; i++)
                {
                    json.WriteStartObject();
                    json.WriteNumber("timestamp"u8, batch.Timestamp(i));
                    json.WriteString("message"u8, batch.Message(i));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
    }
}
