using System.Buffers.Binary;
using System.Text;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Reads what <see cref="SpanWriter"/> wrote. A read past the end, or a length that cannot be right, throws
/// <see cref="InvalidDataException"/>: the frame's checksum passed, so that is a record no reader can use.
/// </summary>
internal ref struct SpanReader
{
    private readonly ReadOnlySpan<byte> _span;
    private int _position;

    public SpanReader(ReadOnlySpan<byte> span)
    {
        _span = span;
        _position = 0;
    }

    public readonly bool AtEnd => _position >= _span.Length;

    public readonly int Position => _position;

    /// <summary>The bytes from <paramref name="start"/> to the current position.</summary>
    public readonly ReadOnlySpan<byte> Since(int start) => _span[start.._position];

    public byte ReadByte() => Take(1)[0];

    public uint ReadVar()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A record's length field is malformed.");
    }

    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>
    /// A count of items that each take at least <paramref name="minBytes"/> bytes further on: one the record's bytes
    /// left cannot hold throws <see cref="InvalidDataException"/>, before anything is sized by it.
    /// </summary>
    public int ReadCount(int minBytes = 1)
    {
        var count = ReadVar();
        if (count > (uint)(_span.Length - _position) / (uint)minBytes)
        {
            throw new InvalidDataException("A record's length or count exceeds the bytes left in it.");
        }

        return (int)count;
    }

    /// <summary>A number written by <see cref="SpanWriter.WriteVar"/> from a non-negative int; a larger one throws <see cref="InvalidDataException"/>.</summary>
    public int ReadInt31()
    {
        var value = ReadVar();
        return value <= int.MaxValue ? (int)value : throw new InvalidDataException("A record's number field is out of range.");
    }

    /// <summary>The UTF-8 bytes of a string written by <see cref="SpanWriter.WriteString"/>.</summary>
    public ReadOnlySpan<byte> ReadUtf8() => Take(ReadCount());

    public string ReadString() => Encoding.UTF8.GetString(ReadUtf8());

    public ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > _span.Length - _position)
        {
            throw new InvalidDataException("A record ends before its fields do.");
        }

        var taken = _span.Slice(_position, length);
        _position += length;
        return taken;
    }
}
