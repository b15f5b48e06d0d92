using System.IO.Hashing;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// A frame in a segment: a 4-byte body length, a 4-byte checksum of the body, the body (definitions, then one event),
/// padding to 8 bytes. The length is written last: until it is non-zero the frame is not committed, so a reader never
/// reads a half-written body; a non-matching checksum marks a torn or damaged frame.
/// </summary>
internal static class RecordFrame
{
    public const int HeaderSize = 8;

    /// <summary>In the length field: no frame follows in this segment (the writer that did not fit wrote it).</summary>
    public const uint EndMarker = uint.MaxValue;

    /// <summary>The space a frame with this body takes, header and padding included.</summary>
    public static int Size(int bodyLength) => (HeaderSize + bodyLength + 7) & ~7;

    /// <summary>The checksum a frame is written with: CRC-32C.</summary>
    public static uint Checksum(ReadOnlySpan<byte> body) => Crc32C.Hash(body);

    /// <summary>The checksum <paramref name="kind"/> of <paramref name="body"/>, for reading frames back.</summary>
    public static uint Checksum(ReadOnlySpan<byte> body, FrameChecksum kind) => kind == FrameChecksum.Crc32 ? Crc32.HashToUInt32(body) : Crc32C.Hash(body);
}
