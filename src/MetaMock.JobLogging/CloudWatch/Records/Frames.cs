using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>Commits and reads <see cref="RecordFrame"/>s in a region of memory (a segment's data).</summary>
internal static class Frames
{
    /// <summary>
    /// Publishes a frame whose body is already written at <c>frame[8..]</c>: the checksum (when <paramref name="checksum"/>),
    /// then the length, with release semantics, so a reader that sees the length sees the whole body.
    /// </summary>
    public static void Commit(Span<byte> frame, int bodyLength, bool checksum = true)
    {
        if (checksum)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], RecordFrame.Checksum(frame.Slice(RecordFrame.HeaderSize, bodyLength)));
        }

        Volatile.Write(ref LengthField(frame), BitConverter.IsLittleEndian ? bodyLength : BinaryPrimitives.ReverseEndianness(bodyLength));
    }

    /// <summary>Marks the end of the frames of a region whose last reservation did not fit.</summary>
    public static void WriteEnd(Span<byte> at) => Volatile.Write(ref LengthField(at), unchecked((int)RecordFrame.EndMarker));

    /// <summary>
    /// Reads the frame at <paramref name="offset"/> (a multiple of 8); <paramref name="next"/> is where the following one
    /// starts. The body is compared with its checksum of kind <paramref name="checksum"/>; with <see cref="FrameChecksum.None"/>
    /// it is not (a region whose frames were committed without one).
    /// </summary>
    public static FrameStatus Read(ReadOnlySpan<byte> region, int offset, out ReadOnlySpan<byte> body, out int next, FrameChecksum checksum = FrameChecksum.Crc32C)
    {
        body = default;
        next = offset;
        if (region.Length - offset < RecordFrame.HeaderSize)
        {
            return FrameStatus.End;
        }

        var raw = Volatile.Read(ref LengthField(region[offset..]));
        var length = unchecked((uint)(BitConverter.IsLittleEndian ? raw : BinaryPrimitives.ReverseEndianness(raw)));
        if (length == 0)
        {
            return FrameStatus.NotCommitted;
        }

        if (length == RecordFrame.EndMarker)
        {
            return FrameStatus.End;
        }

        if (length > region.Length - offset - RecordFrame.HeaderSize)
        {
            return FrameStatus.Corrupt;
        }

        var candidate = region.Slice(offset + RecordFrame.HeaderSize, (int)length);
        if (checksum != FrameChecksum.None && RecordFrame.Checksum(candidate, checksum) != BinaryPrimitives.ReadUInt32LittleEndian(region[(offset + 4)..]))
        {
            return FrameStatus.Corrupt;
        }

        body = candidate;
        next = offset + RecordFrame.Size((int)length);
        return FrameStatus.Committed;
    }

    /// <summary>
    /// Where reading resumes after the damaged frame at <paramref name="offset"/>: where its length says the next frame
    /// starts, when a whole frame is there (only its body was damaged), else the next whole frame found by scanning.
    /// </summary>
    public static int Skip(ReadOnlySpan<byte> region, int offset, FrameChecksum checksum)
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(region[offset..]);
        if (length > 0 && length <= region.Length - offset - RecordFrame.HeaderSize)
        {
            var next = offset + RecordFrame.Size((int)length);
            if (Read(region, next, out _, out _, checksum) is FrameStatus.Committed or FrameStatus.End)
            {
                return next;
            }
        }

        return Resync(region, offset, checksum);
    }

    /// <summary>
    /// After a corrupt or never-committed frame in a region no one writes any more: the next offset after
    /// <paramref name="offset"/> where a whole frame with a matching checksum starts, or the region's end.
    /// </summary>
    public static int Resync(ReadOnlySpan<byte> region, int offset, FrameChecksum checksum)
    {
        for (var at = offset + 8; at + RecordFrame.HeaderSize <= region.Length; at += 8)
        {
            if (Read(region, at, out _, out _, checksum) == FrameStatus.Committed)
            {
                return at;
            }
        }

        return region.Length;
    }

    private static ref int LengthField(ReadOnlySpan<byte> at) => ref Unsafe.As<byte, int>(ref MemoryMarshal.GetReference(at));
}
