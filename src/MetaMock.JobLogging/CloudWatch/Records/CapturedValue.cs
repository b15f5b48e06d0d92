using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// A template value as read at the call, by its type: the binary value of the types whose text cannot change, the
/// text of anything else (an enum's name, another object's invariant text, or the placeholder of one that threw).
/// Holds no reference to the caller's objects; read once, so the sizing and writing passes see the same value.
/// </summary>
internal readonly struct CapturedValue
{
    private CapturedValue(ValueKind kind, long bits, long more = 0, string? text = null)
    {
        Kind = kind;
        Bits = bits;
        More = more;
        Text = text;
    }

    public ValueKind Kind { get; }

    /// <summary>The value's first 8 bytes (a number, ticks, the low half of a decimal or a Guid).</summary>
    public long Bits { get; }

    /// <summary>The rest: a DateTime's kind, a DateTimeOffset's offset in minutes, the high half of a decimal or a Guid.</summary>
    public long More { get; }

    /// <summary>The text of a string, an enum or another object.</summary>
    public string? Text { get; }

    /// <summary>A typed value, read without boxing for the known value types (a source-generated state's fields).</summary>
    public static CapturedValue From<T>(T value, EncodeScratch scratch)
    {
        if (typeof(T) == typeof(int))
        {
            return new(ValueKind.Int32, Unsafe.As<T, int>(ref value));
        }

        if (typeof(T) == typeof(long))
        {
            return new(ValueKind.Int64, Unsafe.As<T, long>(ref value));
        }

        if (typeof(T) == typeof(double))
        {
            return new(ValueKind.Double, BitConverter.DoubleToInt64Bits(Unsafe.As<T, double>(ref value)));
        }

        if (typeof(T) == typeof(bool))
        {
            return new(ValueKind.Boolean, Unsafe.As<T, bool>(ref value) ? 1 : 0);
        }

        if (typeof(T) == typeof(decimal))
        {
            return OfDecimal(Unsafe.As<T, decimal>(ref value));
        }

        if (typeof(T) == typeof(DateTime))
        {
            var dt = Unsafe.As<T, DateTime>(ref value);
            return new(ValueKind.DateTime, dt.Ticks, (long)dt.Kind);
        }

        if (typeof(T) == typeof(DateTimeOffset))
        {
            var dto = Unsafe.As<T, DateTimeOffset>(ref value);
            return new(ValueKind.DateTimeOffset, dto.Ticks, (long)dto.Offset.TotalMinutes);
        }

        if (typeof(T) == typeof(Guid))
        {
            return OfGuid(Unsafe.As<T, Guid>(ref value));
        }

        if (typeof(T) == typeof(TimeSpan))
        {
            return new(ValueKind.TimeSpan, Unsafe.As<T, TimeSpan>(ref value).Ticks);
        }

        // Strings and other reference types are not boxed; the other value types are rare enough to box.
        return From((object?)value, scratch);
    }

    /// <summary>A value of any type; an enum or another object is printed now (see <see cref="UserText.OfValue"/>).</summary>
    public static CapturedValue From(object? value, EncodeScratch scratch) => value switch
    {
        null => new(ValueKind.Null, 0),
        string s => new(ValueKind.String, 0, 0, s),
        bool b => new(ValueKind.Boolean, b ? 1 : 0),
        int i => new(ValueKind.Int32, i),
        long l => new(ValueKind.Int64, l),
        short sh => new(ValueKind.Int16, sh),
        byte by => new(ValueKind.Byte, by),
        sbyte sb => new(ValueKind.SByte, sb),
        ushort us => new(ValueKind.UInt16, us),
        uint ui => new(ValueKind.UInt32, ui),
        ulong ul => new(ValueKind.UInt64, unchecked((long)ul)),
        float f => new(ValueKind.Single, BitConverter.SingleToInt32Bits(f)),
        double d => new(ValueKind.Double, BitConverter.DoubleToInt64Bits(d)),
        char c => new(ValueKind.Char, c),
        decimal m => OfDecimal(m),
        DateTime dt => new(ValueKind.DateTime, dt.Ticks, (long)dt.Kind),
        DateTimeOffset dto => new(ValueKind.DateTimeOffset, dto.Ticks, (long)dto.Offset.TotalMinutes),
        Guid g => OfGuid(g),
        TimeSpan ts => new(ValueKind.TimeSpan, ts.Ticks),
        DateOnly d => new(ValueKind.DateOnly, d.DayNumber),
        TimeOnly t => new(ValueKind.TimeOnly, t.Ticks),
        _ => new(value is Enum ? ValueKind.Enum : ValueKind.Text, 0, 0, TextOf(value, scratch)),
    };

    // What the JSON line prints for an object of no known type; one whose text throws gives the console's placeholder.
    private static string TextOf(object value, EncodeScratch scratch)
    {
        var placeholders = scratch.Placeholders;
        var text = UserText.OfValue(value, ref placeholders);
        scratch.Placeholders = placeholders;
        return text;
    }

    private static CapturedValue OfDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        return new(ValueKind.Decimal, (uint)bits[0] | ((long)bits[1] << 32), (uint)bits[2] | ((long)bits[3] << 32));
    }

    private static CapturedValue OfGuid(Guid value)
    {
        Span<long> halves = stackalloc long[2];
        value.TryWriteBytes(MemoryMarshal.AsBytes(halves));
        return new(ValueKind.Guid, halves[0], halves[1]);
    }
}
