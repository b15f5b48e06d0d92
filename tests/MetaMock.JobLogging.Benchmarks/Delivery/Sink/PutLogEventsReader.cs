using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace MetaMock.JobLogging.Benchmarks.Delivery.Sink;

/// <summary>
/// Reads a PutLogEvents body straight from Kestrel's buffers: counts the events and their UTF-8 message bytes, and
/// optionally collects the <c>seq=N</c> stamp of each message. Nothing is materialized unless a message is escaped.
/// </summary>
internal static class PutLogEventsReader
{
    public const int PerEventOverhead = 26;

    public static (int Events, long Bytes) Read(ReadOnlySequence<byte> body, List<long>? sequences)
    {
        var reader = new Utf8JsonReader(body);
        var events = 0;
        long bytes = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("message"u8))
            {
                continue;
            }

            reader.Read();
            events++;
            bytes += PerEventOverhead + MessageBytes(ref reader, sequences);
        }

        return (events, bytes);
    }

    /// <summary>The request's <c>logStreamName</c> (the sender writes it before the events), or an empty string.</summary>
    public static string StreamName(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("logStreamName"u8))
            {
                reader.Read();
                return reader.GetString() ?? string.Empty;
            }
        }

        return string.Empty;
    }

    private static int MessageBytes(ref Utf8JsonReader reader, List<long>? sequences)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            sequences?.Add(Sequence(reader.ValueSpan));
            return reader.ValueSpan.Length;
        }

        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = reader.CopyString(rented);
            sequences?.Add(Sequence(rented.AsSpan(0, written)));
            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static long Sequence(ReadOnlySpan<byte> message)
    {
        var at = message.IndexOf("seq="u8);
        return at >= 0 && Utf8Parser.TryParse(message[(at + 4)..], out long value, out _) ? value : -1;
    }
}
