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

    /// <summary>The UTF-8 bytes of a string written by <see cref="SpanWriter.WriteString"/>.</summary>
    public ReadOnlySpan<byte> ReadUtf8() => Take(checked((int)ReadVar()));

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
