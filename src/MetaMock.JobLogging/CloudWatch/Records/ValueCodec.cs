
namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Encodes a value by its type, so the sender can later print it exactly as the console does: the types whose text
/// cannot change (see <see cref="ImmutableValues"/>) keep their binary value; an enum keeps its name; any other object
/// keeps the text it printed at the call, so a later change to it cannot change the line.
/// </summary>
/// <remarks>
/// Sizing and writing are two passes over the same <see cref="CapturedValue"/>: a value is read, and printed to text,
/// once (an object printed twice could print two things).
/// </remarks>
internal static class ValueCodec
{
    /// <summary>The bytes <paramref name="value"/> takes, kind byte included.</summary>
    public static int Size(in CapturedValue value) => 1 + value.Kind switch
    {
        ValueKind.Null => 0,
        ValueKind.String or ValueKind.Enum or ValueKind.Text => SpanWriter.StringSize(value.Text),
        ValueKind.Boolean or ValueKind.Byte or ValueKind.SByte => 1,
        ValueKind.Int16 or ValueKind.UInt16 or ValueKind.Char => 2,
        ValueKind.Int32 or ValueKind.UInt32 or ValueKind.Single or ValueKind.DateOnly => 4,
        ValueKind.DateTime => 9,
        ValueKind.DateTimeOffset => 10,
        ValueKind.Decimal or ValueKind.Guid => 16,
        _ => 8,
    };

    /// <summary>Writes <paramref name="value"/>: its kind byte, then its payload.</summary>
    public static void Write(ref SpanWriter writer, in CapturedValue value)
    {
        writer.WriteByte((byte)value.Kind);
        switch (value.Kind)
        {
            case ValueKind.Null: break;
            case ValueKind.String or ValueKind.Enum or ValueKind.Text: writer.WriteString(value.Text); break;
            case ValueKind.Boolean or ValueKind.Byte or ValueKind.SByte: writer.WriteByte(unchecked((byte)value.Bits)); break;
            case ValueKind.Int16 or ValueKind.UInt16 or ValueKind.Char: writer.WriteInt16(unchecked((short)value.Bits)); break;
            case ValueKind.Int32 or ValueKind.UInt32 or ValueKind.Single or ValueKind.DateOnly: writer.WriteInt32(unchecked((int)value.Bits)); break;
            case ValueKind.DateTime: writer.WriteInt64(value.Bits); writer.WriteByte(unchecked((byte)value.More)); break;
            case ValueKind.DateTimeOffset: writer.WriteInt64(value.Bits); writer.WriteInt16(unchecked((short)value.More)); break;
            case ValueKind.Decimal or ValueKind.Guid: writer.WriteInt64(value.Bits); writer.WriteInt64(value.More); break;
            default: writer.WriteInt64(value.Bits); break;
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
}
