using System.Buffers.Binary;

namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// A segment in a memory-mapped <see cref="SpoolFile"/>: a committed frame is in the page cache as soon as the append
/// returns, so it survives the death of the process (not of the machine: that needs <see cref="Sync"/>). The file is
/// allocated in full when created, so a full disk shows as an error then, never as a fault while writing through the
/// mapping. A settled segment's file can serve again as a later segment (<see cref="Reuse"/>).
/// </summary>
/// <remarks>
/// File layout: a 64-byte header (magic, version, data capacity, sequence number), then the frames. The header's sequence
/// must match the file's name: a recycled file renamed into service whose new header never reached the device (a power
/// cut) is not taken for the segment it once was.
/// </remarks>
internal sealed unsafe class FileSegment : Segment
{
    public const int HeaderSize = 64;

    private const ulong Magic = 0x31474553_4C4A4D4D; // "MMJLSEG1"
    // 2: frames carry CRC-32C; 1: CRC-32, still read (a spool left by an earlier version is replayed after an upgrade).
    private const int Version = 2;
    private const int LegacyVersion = 1;

    private readonly Action<FileSegment>? _onSettled;

    private FileSegment(SpoolFile file, long sequence, int capacity, int tail, Action<FileSegment>? onSettled, FrameChecksum checksum = FrameChecksum.Crc32C)
        : base(file.Pointer + HeaderSize, capacity, checksum, tail)
    {
        File = file;
        Sequence = sequence;
        _onSettled = onSettled;
    }

    /// <summary>The mapped file; once the segment is settled it may be recycled into a later segment.</summary>
    public SpoolFile File { get; }

    public string Path => File.Path;

    /// <summary>The segment's number in its slot (its file name); segments are replayed in this order.</summary>
    public long Sequence { get; }

    /// <summary>The file's size for a data capacity of <paramref name="capacity"/>.</summary>
    public static long FileSize(int capacity) => HeaderSize + (long)capacity;

    /// <summary>Creates and maps a new segment file; a full disk or a refused write throws <see cref="IOException"/> here.</summary>
    public static FileSegment Create(string path, long sequence, int capacity, Action<FileSegment> onSettled)
    {
        var file = SpoolFile.Create(path, FileSize(capacity));
        WriteHeader(file, capacity, sequence);
        return new FileSegment(file, sequence, capacity, tail: 0, onSettled);
    }

    /// <summary>
    /// Puts a cleared free file (all zeros, <see cref="FileSize"/> of <paramref name="capacity"/> bytes) back into service
    /// as segment <paramref name="sequence"/>: the header is stamped first (then <paramref name="stamped"/> runs), then
    /// the file is renamed to <paramref name="path"/>, so a crash in between leaves a free file, and after it an empty segment.
    /// </summary>
    public static FileSegment Reuse(SpoolFile cleared, string path, long sequence, int capacity, Action<FileSegment> onSettled, Action? stamped = null)
    {
        WriteHeader(cleared, capacity, sequence);
        stamped?.Invoke();
        cleared.MoveTo(path);
        return new FileSegment(cleared, sequence, capacity, tail: 0, onSettled);
    }

    /// <summary>
    /// Maps a segment a dead process left, sealed (no appends). A file whose header is not segment
    /// <paramref name="sequence"/>'s throws <see cref="InvalidDataException"/>; one that cannot be opened,
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static FileSegment Open(string path, long sequence, Action<FileSegment> onSettled)
    {
        var file = SpoolFile.OpenExisting(path);
        try
        {
            Span<byte> header = stackalloc byte[HeaderSize];
            if (file.Length < HeaderSize || file.Read(header) < HeaderSize || BinaryPrimitives.ReadUInt64LittleEndian(header) != Magic
                || BinaryPrimitives.ReadInt32LittleEndian(header[8..]) is not (Version or LegacyVersion))
            {
                throw new InvalidDataException($"{path} is not a spool segment.");
            }

            var capacity = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
            if (capacity <= 0 || capacity % 8 != 0 || FileSize(capacity) < file.Length)
            {
                throw new InvalidDataException($"{path} has a segment header that does not match its size.");
            }

            if (BinaryPrimitives.ReadInt64LittleEndian(header[16..]) != sequence)
            {
                throw new InvalidDataException($"{path} holds segment {BinaryPrimitives.ReadInt64LittleEndian(header[16..])}, not the one its name says.");
            }

            // A file cut short is read up to where it ends (mapping past its end would fault): the frame the cut went
            // through fails its length check and is counted like a torn one.
            var readable = (int)Math.Min(capacity, (file.Length - HeaderSize) & ~7L);
            var checksum = BinaryPrimitives.ReadInt32LittleEndian(header[8..]) == LegacyVersion ? FrameChecksum.Crc32 : FrameChecksum.Crc32C;
            return new FileSegment(SpoolFile.Map(file, path, FileSize(readable)), sequence, readable, tail: readable, onSettled, checksum);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether the file holds no frame: empty, or without a header (a process died as it created the file or put a
    /// cleared one back into service; the header is written before the first append).
    /// </summary>
    public static bool IsBlank(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Span<byte> magic = stackalloc byte[8];
            return file.Length == 0 || (file.Read(magic) == 8 && BinaryPrimitives.ReadUInt64LittleEndian(magic) == 0);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>msync, then fsync: the frames written so far reach the device.</summary>
    public override void Sync() => File.Sync();

    public override void Dispose() => File.Dispose();

    protected override void OnSettled() => _onSettled?.Invoke(this);

    private static void WriteHeader(SpoolFile file, int capacity, long sequence)
    {
        var header = new Span<byte>(file.Pointer, HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], capacity);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], sequence);
    }
}
