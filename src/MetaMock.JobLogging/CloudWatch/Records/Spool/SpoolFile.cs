using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// A spool file mapped into memory whole, for as long as it serves: as one segment after another when recycled, so its
/// pages stay allocated, mapped and resident instead of being created, faulted in and deleted for every segment.
/// </summary>
internal sealed unsafe class SpoolFile : IDisposable
{
    private readonly FileStream _file;
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private int _disposed;
    // The owner's reference, plus one per sync under way: a settlement on another thread may dispose the file while
    // the sender syncs it, and the file is closed when the last of them lets go (never under a sync, never waiting for one).
    private int _references = 1;

    private SpoolFile(string path, FileStream file, MemoryMappedFile map, MemoryMappedViewAccessor view, byte* pointer, long length)
    {
        Path = path;
        _file = file;
        _map = map;
        _view = view;
        Pointer = pointer;
        Length = length;
    }

    /// <summary>Where the file is now: it is renamed as it moves between segment and free file.</summary>
    public string Path { get; private set; }

    /// <summary>The mapped bytes.</summary>
    public long Length { get; }

    /// <summary>The first mapped byte; valid until <see cref="Dispose"/>.</summary>
    public byte* Pointer { get; }

    /// <summary>Runs in <see cref="Sync"/> just before the file is written out: where a test lands another thread's disposal mid-sync.</summary>
    public Action? Flushing { get; set; }

    /// <summary>Creates a file of <paramref name="length"/> bytes, allocated in full (a full disk throws <see cref="IOException"/> here), and maps it.</summary>
    public static SpoolFile Create(string path, long length)
    {
        FileStream? file = null;
        try
        {
            file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = Sharing,
                PreallocationSize = length,
            });
            return Map(file, path, length);
        }
        catch
        {
            file?.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Opens an existing file for <see cref="Map"/>; a file that cannot be opened throws.</summary>
    public static FileStream OpenExisting(string path) => new(path, FileMode.Open, FileAccess.ReadWrite, Sharing);

    /// <summary>Maps <paramref name="length"/> bytes of an open file (which it then owns), growing the mapping's file if shorter.</summary>
    public static SpoolFile Map(FileStream file, string path, long length)
    {
        MemoryMappedFile? map = null;
        try
        {
            map = MemoryMappedFile.CreateFromFile(file, null, Math.Max(file.Length, length), MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true);
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.ReadWrite);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new SpoolFile(path, file, map, view, pointer + view.PointerOffset, length);
        }
        catch
        {
            map?.Dispose();
            file.Dispose();
            throw;
        }
    }

    /// <summary>Renames the file; the mapping and its pages are unaffected.</summary>
    public void MoveTo(string path)
    {
        File.Move(Path, path);
        Path = path;
    }

    /// <summary>Zeroes the first <paramref name="bytes"/> bytes through the mapping (in the page cache: no I/O now).</summary>
    public void Clear(long bytes) => NativeMemory.Clear(Pointer, (nuint)Math.Min(bytes, Length));

    /// <summary>msync, then fsync: what was written through the mapping reaches the device. Nothing once disposed.</summary>
    public void Sync()
    {
        if (!TryReference())
        {
            return;
        }

        try
        {
            Flushing?.Invoke();
            _view.Flush();
            _file.Flush(flushToDisk: true);
        }
        finally
        {
            Unreference();
        }
    }

    /// <summary>Unmaps and closes (once a sync under way ends, if one is); the file stays on disk.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Unreference();
        }
    }

    /// <summary>Closes the file and deletes it (a sync under way finishes on the unlinked file).</summary>
    public void Delete()
    {
        Dispose();
        File.Delete(Path);
    }

    private bool TryReference()
    {
        var count = Volatile.Read(ref _references);
        while (count > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, count + 1, count);
            if (seen == count)
            {
                return true;
            }

            count = seen;
        }

        return false;
    }

    private void Unreference()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map.Dispose();
            _file.Dispose();
        }
    }

    // Delete: so that the file can be renamed while it is open and mapped (Windows asks for it; elsewhere it is a no-op).
    private static FileShare Sharing => FileShare.Read | FileShare.Delete;
}
