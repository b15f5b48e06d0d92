using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Encodes a value by its type, so the sender can later print it exactly as the console does: the types whose text
/// cannot change (see <see cref="ImmutableValues"/>) keep their binary value; an enum keeps its name; any other object
/// keeps the text it printed at the call, so a later change to it cannot change the line.
/// </summary>
/// <remarks>
/// Sizing and writing are two passes; a value printed to text is printed once, in the sizing pass, and its text is
/// kept in <see cref="EncodeScratch"/> for the writing pass (an object printed twice could print two things).
/// </remarks>
internal static class ValueCodec
{
    /// <summary>The bytes <paramref name="value"/> takes; text of enums and other objects is added to <paramref name="scratch"/>.</summary>
    public static int Size(object? value, EncodeScratch scratch) => 1 + value switch
    {
        null => 0,
        string s => SpanWriter.StringSize(s),
        bool or byte or sbyte => 1,
        short or ushort or char => 2,
        int or uint or float or DateOnly => 4,
        long or ulong or double or TimeSpan or TimeOnly => 8,
        DateTime => 9,
        DateTimeOffset => 10,
        decimal or Guid => 16,
        _ => SpanWriter.StringSize(scratch.AddText(TextOf(value, scratch))),
    };

    /// <summary>Writes <paramref name="value"/>; the texts <see cref="Size"/> kept are taken from <paramref name="scratch"/> in order.</summary>
    public static void Write(ref SpanWriter writer, object? value, EncodeScratch scratch)
    {
        switch (value)
        {
            case null: writer.WriteByte((byte)ValueKind.Null); break;
            case string s: writer.WriteByte((byte)ValueKind.String); writer.WriteString(s); break;
            case bool b: writer.WriteByte((byte)ValueKind.Boolean); writer.WriteByte(b ? (byte)1 : (byte)0); break;
            case int i: writer.WriteByte((byte)ValueKind.Int32); writer.WriteInt32(i); break;
            case long l: writer.WriteByte((byte)ValueKind.Int64); writer.WriteInt64(l); break;
            case short sh: writer.WriteByte((byte)ValueKind.Int16); writer.WriteInt16(sh); break;
            case byte by: writer.WriteByte((byte)ValueKind.Byte); writer.WriteByte(by); break;
            case sbyte sb: writer.WriteByte((byte)ValueKind.SByte); writer.WriteByte(unchecked((byte)sb)); break;
            case ushort us: writer.WriteByte((byte)ValueKind.UInt16); writer.WriteInt16(unchecked((short)us)); break;
            case uint ui: writer.WriteByte((byte)ValueKind.UInt32); writer.WriteInt32(unchecked((int)ui)); break;
            case ulong ul: writer.WriteByte((byte)ValueKind.UInt64); writer.WriteInt64(unchecked((long)ul)); break;
            case float f: writer.WriteByte((byte)ValueKind.Single); writer.WriteInt32(BitConverter.SingleToInt32Bits(f)); break;
            case double d: writer.WriteByte((byte)ValueKind.Double); writer.WriteInt64(BitConverter.DoubleToInt64Bits(d)); break;
            case char c: writer.WriteByte((byte)ValueKind.Char); writer.WriteInt16(unchecked((short)c)); break;
            case decimal m: writer.WriteByte((byte)ValueKind.Decimal); WriteDecimal(ref writer, m); break;
            case DateTime dt: writer.WriteByte((byte)ValueKind.DateTime); writer.WriteInt64(dt.Ticks); writer.WriteByte((byte)dt.Kind); break;
            case DateTimeOffset dto:
                writer.WriteByte((byte)ValueKind.DateTimeOffset);
                writer.WriteInt64(dto.Ticks);
                writer.WriteInt16((short)dto.Offset.TotalMinutes);
                break;
            case Guid g: writer.WriteByte((byte)ValueKind.Guid); g.TryWriteBytes(writer.Take(16)); break;
            case TimeSpan ts: writer.WriteByte((byte)ValueKind.TimeSpan); writer.WriteInt64(ts.Ticks); break;
            case DateOnly d: writer.WriteByte((byte)ValueKind.DateOnly); writer.WriteInt32(d.DayNumber); break;
            case TimeOnly t: writer.WriteByte((byte)ValueKind.TimeOnly); writer.WriteInt64(t.Ticks); break;
            default:
                writer.WriteByte((byte)(value is Enum ? ValueKind.Enum : ValueKind.Text));
                writer.WriteString(scratch.NextText());
                break;
        }
    }

    /// <summary>The value at the reader's position; its payload is a slice of the record (no copy).</summary>
    public static RecordValue Read(scoped ref SpanReader reader)
    {
        var kind = (ValueKind)reader.ReadByte();
        var payload = kind switch
        {
            ValueKind.Null => [],
            ValueKind.String or ValueKind.Enum or ValueKind.Text => reader.ReadUtf8(),
            ValueKind.Boolean or ValueKind.Byte or ValueKind.SByte => reader.Take(1),
            ValueKind.Int16 or ValueKind.UInt16 or ValueKind.Char => reader.Take(2),
            ValueKind.Int32 or ValueKind.UInt32 or ValueKind.Single or ValueKind.DateOnly => reader.Take(4),
            ValueKind.Int64 or ValueKind.UInt64 or ValueKind.Double or ValueKind.TimeSpan or ValueKind.TimeOnly => reader.Take(8),
            ValueKind.DateTime => reader.Take(9),
            ValueKind.DateTimeOffset => reader.Take(10),
            ValueKind.Decimal or ValueKind.Guid => reader.Take(16),
            _ => throw new InvalidDataException($"Unknown value kind {(byte)kind} in a record."),
        };
        return new RecordValue(kind, payload);
    }

    // What the JSON line prints for an object of no known type; one whose text throws gives the console's placeholder.
    private static string TextOf(object value, EncodeScratch scratch)
    {
        var placeholders = scratch.Placeholders;
        var text = UserText.OfValue(value, ref placeholders);
        scratch.Placeholders = placeholders;
        return text;
    }

    private static void WriteDecimal(ref SpanWriter writer, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        foreach (var part in bits)
        {
            writer.WriteInt32(part);
        }
    }
}
