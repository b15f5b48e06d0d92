using System.Buffers.Binary;
using System.Text;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>One decoded value of a record: its kind and its payload, a slice of the record (UTF-8 for text kinds).</summary>
internal readonly ref struct RecordValue
{
    public RecordValue(ValueKind kind, ReadOnlySpan<byte> payload)
    {
        Kind = kind;
        Payload = payload;
    }

    public ValueKind Kind { get; }

    /// <summary>The encoded payload: UTF-8 text for strings, enums and printed objects; little-endian numbers otherwise.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>
    /// The value as the object it was (an enum or other object as its text), for the formatting paths that take objects.
    /// Allocates: the sender's common paths read <see cref="Payload"/> instead.
    /// </summary>
    public object? ToObject()
    {
        var p = Payload;
        return Kind switch
        {
            ValueKind.Null => null,
            ValueKind.String or ValueKind.Enum or ValueKind.Text => Encoding.UTF8.GetString(p),
            ValueKind.Boolean => p[0] != 0,
            ValueKind.Byte => p[0],
            ValueKind.SByte => unchecked((sbyte)p[0]),
            ValueKind.Int16 => BinaryPrimitives.ReadInt16LittleEndian(p),
            ValueKind.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(p),
            ValueKind.Char => (char)BinaryPrimitives.ReadUInt16LittleEndian(p),
            ValueKind.Int32 => BinaryPrimitives.ReadInt32LittleEndian(p),
            ValueKind.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(p),
            ValueKind.Single => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32LittleEndian(p)),
            ValueKind.DateOnly => DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(p)),
            ValueKind.Int64 => BinaryPrimitives.ReadInt64LittleEndian(p),
            ValueKind.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(p),
            ValueKind.Double => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(p)),
            ValueKind.TimeSpan => new TimeSpan(BinaryPrimitives.ReadInt64LittleEndian(p)),
            ValueKind.TimeOnly => new TimeOnly(BinaryPrimitives.ReadInt64LittleEndian(p)),
            ValueKind.DateTime => new DateTime(BinaryPrimitives.ReadInt64LittleEndian(p), (DateTimeKind)p[8]),
            ValueKind.DateTimeOffset => new DateTimeOffset(
                BinaryPrimitives.ReadInt64LittleEndian(p), TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(p[8..]))),
            ValueKind.Guid => new Guid(p),
            ValueKind.Decimal => new decimal(
            [
                BinaryPrimitives.ReadInt32LittleEndian(p), BinaryPrimitives.ReadInt32LittleEndian(p[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(p[8..]), BinaryPrimitives.ReadInt32LittleEndian(p[12..]),
            ]),
            _ => throw new InvalidDataException($"Unknown value kind {(byte)Kind} in a record."),
        };
    }
}
