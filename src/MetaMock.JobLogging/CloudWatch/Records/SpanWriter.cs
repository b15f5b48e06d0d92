using System.Buffers.Binary;
using System.Text;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>Writes a record's primitives (little-endian numbers, LEB128 lengths, UTF-8 text) into a span sized beforehand.</summary>
internal ref struct SpanWriter
{
    private readonly Span<byte> _span;
    private int _position;

    public SpanWriter(Span<byte> span)
    {
        _span = span;
        _position = 0;
    }

    public readonly int Position => _position;

    /// <summary>The bytes a LEB128 unsigned integer takes.</summary>
    public static int VarSize(uint value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x20_0000 ? 3 : value < 0x1000_0000 ? 4 : 5;

    /// <summary>
    /// The bytes <see cref="WriteString"/> takes. A lone UTF-16 surrogate becomes U+FFFD (three bytes): the default
    /// UTF-8 encoder replaces it, so the count and the bytes agree.
    /// </summary>
    public static int StringSize(ReadOnlySpan<char> text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        return VarSize((uint)bytes) + bytes;
    }

    public void WriteByte(byte value) => _span[_position++] = value;

    public void WriteVar(uint value)
    {
        while (value >= 0x80)
        {
            _span[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _span[_position++] = (byte)value;
    }

    public void WriteInt16(short value) => Advance(BinaryPrimitives.TryWriteInt16LittleEndian(_span[_position..], value), 2);

    public void WriteInt32(int value) => Advance(BinaryPrimitives.TryWriteInt32LittleEndian(_span[_position..], value), 4);

    public void WriteInt64(long value) => Advance(BinaryPrimitives.TryWriteInt64LittleEndian(_span[_position..], value), 8);

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_span[_position..]);
        _position += bytes.Length;
    }

    /// <summary>A length (in UTF-8 bytes) then the text in UTF-8.</summary>
    public void WriteString(ReadOnlySpan<char> text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        WriteVar((uint)bytes);
        _position += Encoding.UTF8.GetBytes(text, _span[_position..]);
    }

    /// <summary>Room for a payload written by the caller (a Guid or decimal's own writer).</summary>
    public Span<byte> Take(int length)
    {
        var taken = _span.Slice(_position, length);
        _position += length;
        return taken;
    }

    private void Advance(bool written, int size)
    {
        if (!written)
        {
            throw new InvalidOperationException("A record was written past the size computed for it.");
        }

        _position += size;
    }
}
