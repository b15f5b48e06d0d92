using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// Writes a PutLogEvents request, <c>{"logGroupName":..,"logStreamName":..,"logEvents":[{"timestamp":..,"message":..}]}</c>,
/// straight from the batch's UTF-8 messages: the same bytes System.Text.Json wrote for the request record, without a
/// string or an object per event.
/// </summary>
/// <remarks>
/// Escaping is System.Text.Json's own, done by the same relaxed encoder (quotes, backslashes, control characters and
/// the few characters it never passes are escaped; other text goes as it is). A message it would leave alone, the
/// common case, is copied in one move; the rest go through <see cref="TextEncoder.EncodeUtf8"/>, which is what
/// System.Text.Json's writer calls for them. A test checks the result byte for byte against the serializer.
/// </remarks>
internal static class PutLogEventsBody
{
    // Per event: {"timestamp":1234567890123,"message":""}, and the comma before it.
    private const int PerEventOverhead = 48;

    // An escaped byte takes at most six: \u00XX.
    private const int MaxEscapedPerByte = 6;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static RequestBody Write(ILogEventBatch batch)
    {
        var capacity = batch.MessageBytes + ((long)batch.Count * PerEventOverhead) + 1_024;
        return RequestBody.Write((int)Math.Min(capacity, Array.MaxLength), batch, static (body, batch) =>
        {
            Append(body, "{\"logGroupName\":"u8);
            AppendString(body, Encoding.UTF8.GetBytes(batch.LogGroupName));
            Append(body, ",\"logStreamName\":"u8);
            AppendString(body, Encoding.UTF8.GetBytes(batch.LogStreamName));
            Append(body, ",\"logEvents\":["u8);
            for (var i = 0; i < batch.Count; i++)
            {
                Append(body, i == 0 ? "{\"timestamp\":"u8 : ",{\"timestamp\":"u8);
                var span = body.GetSpan(20);
                Utf8Formatter.TryFormat(batch.Timestamp(i), span, out var digits);
                body.Advance(digits);
                Append(body, ",\"message\":"u8);
                AppendString(body, batch.Message(i));
                Append(body, "}"u8);
            }

            Append(body, "]}"u8);
        });
    }

    private static void Append(IBufferWriter<byte> body, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(body.GetSpan(bytes.Length));
        body.Advance(bytes.Length);
    }

    // A JSON string: quotes around the text, escaped as System.Text.Json's writer escapes it with this encoder.
    private static void AppendString(IBufferWriter<byte> body, ReadOnlySpan<byte> utf8)
    {
        var first = Encoder.FindFirstCharacterToEncodeUtf8(utf8);
        var span = body.GetSpan((first < 0 ? utf8.Length : utf8.Length * MaxEscapedPerByte) + 2);
        span[0] = (byte)'"';
        int written;
        if (first < 0)
        {
            utf8.CopyTo(span[1..]);
            written = utf8.Length;
        }
        else
        {
            utf8[..first].CopyTo(span[1..]);
            // Room for the worst case was reserved, and invalid bytes are replaced, so it always completes.
            if (Encoder.EncodeUtf8(utf8[first..], span[(1 + first)..], out _, out var escaped) != OperationStatus.Done)
            {
                throw new InvalidOperationException("A log message could not be escaped into the request body.");
            }

            written = first + escaped;
        }

        span[1 + written] = (byte)'"';
        body.Advance(written + 2);
    }
}
