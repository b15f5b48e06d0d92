using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;

namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// A segment in a memory-mapped file: a committed frame is in the page cache as soon as the append returns, so it
/// survives the death of the process (not of the machine: that needs <see cref="Sync"/>). The file is allocated in
/// full when created, so a full disk shows as an error then, never as a fault while writing through the mapping.
/// </summary>
/// <remarks>File layout: a 64-byte header (magic, version, data capacity, sequence number), then the frames.</remarks>
internal sealed unsafe class FileSegment : Segment
{
    public const int HeaderSize = 64;

    private const ulong Magic = 0x31474553_4C4A4D4D; // "MMJLSEG1"
    private const int Version = 1;

    private readonly FileStream _file;
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly Action<FileSegment>? _onSettled;
    private int _disposed;

    private FileSegment(byte* data, int capacity, int tail, string path, long sequence, FileStream file, MemoryMappedFile map, MemoryMappedViewAccessor view, Action<FileSegment>? onSettled)
        : base(data, capacity, tail)
    {
        Path = path;
        Sequence = sequence;
        _file = file;
        _map = map;
        _view = view;
        _onSettled = onSettled;
    }

    public string Path { get; }

    /// <summary>The segment's number in its slot (its file name); segments are replayed in this order.</summary>
    public long Sequence { get; }

    /// <summary>The file's size for a data capacity of <paramref name="capacity"/>.</summary>
    public static long FileSize(int capacity) => HeaderSize + (long)capacity;

    /// <summary>Creates and maps a new segment file; a full disk or a refused write throws <see cref="IOException"/> here.</summary>
    public static FileSegment Create(string path, long sequence, int capacity, Action<FileSegment> onSettled)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
            PreallocationSize = FileSize(capacity),
        };
        FileStream? file = null;
        try
        {
            file = new FileStream(path, options);
            var segment = Map(file, path, sequence, capacity, tail: 0, onSettled);
            var header = new Span<byte>(segment.HeaderPointer, HeaderSize);
            BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
            BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
            BinaryPrimitives.WriteInt32LittleEndian(header[12..], capacity);
            BinaryPrimitives.WriteInt64LittleEndian(header[16..], sequence);
            return segment;
        }
        catch
        {
            file?.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// Maps a segment a dead process left, sealed (no appends). A file whose header is not a segment's throws
    /// <see cref="InvalidDataException"/>; one that cannot be opened, <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static FileSegment Open(string path, long sequence, Action<FileSegment> onSettled)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            Span<byte> header = stackalloc byte[HeaderSize];
            if (file.Length < HeaderSize || file.Read(header) < HeaderSize || BinaryPrimitives.ReadUInt64LittleEndian(header) != Magic
                || BinaryPrimitives.ReadInt32LittleEndian(header[8..]) != Version)
            {
                throw new InvalidDataException($"{path} is not a spool segment.");
            }

            var capacity = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
            if (capacity <= 0 || capacity % 8 != 0 || FileSize(capacity) < file.Length)
            {
                throw new InvalidDataException($"{path} has a segment header that does not match its size.");
            }

            // A file cut short is read up to where it ends (mapping past its end would fault): the frame the cut went
            // through fails its length check and is counted like a torn one.
            var readable = (int)Math.Min(capacity, (file.Length - HeaderSize) & ~7L);
            return Map(file, path, sequence, readable, tail: readable, onSettled);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether the file holds no frame: empty, or without a header (a process died as it created the file; the header is
    /// written before the first append).
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
    public override void Sync()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _view.Flush();
            _file.Flush(flushToDisk: true);
        }
    }

    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map.Dispose();
            _file.Dispose();
        }
    }

    protected override void OnSettled() => _onSettled?.Invoke(this);

    private byte* HeaderPointer => (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(Data)) - HeaderSize;

    private static FileSegment Map(FileStream file, string path, long sequence, int capacity, int tail, Action<FileSegment>? onSettled)
    {
        var map = MemoryMappedFile.CreateFromFile(file, null, Math.Max(file.Length, FileSize(capacity)), MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true);
        var view = map.CreateViewAccessor(0, FileSize(capacity), MemoryMappedFileAccess.ReadWrite);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        pointer += view.PointerOffset;
        return new FileSegment(pointer + HeaderSize, capacity, tail, path, sequence, file, map, view, onSettled);
    }
}
