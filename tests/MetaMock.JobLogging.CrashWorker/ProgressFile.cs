using System.IO.MemoryMappedFiles;

namespace MetaMock.JobLogging.CrashWorker;

/// <summary>
/// What the parent knows must survive: one little-endian long per stream, the last line index whose log call returned
/// (-1 before the first; the parent creates the file). It is a shared memory-mapped file, so each write is in the page
/// cache the moment it is made and survives the process's death by SIGKILL.
/// </summary>
internal sealed class ProgressFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    public ProgressFile(string path, int streams)
    {
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, streams * (long)sizeof(long), MemoryMappedFileAccess.ReadWrite);
        _view = _file.CreateViewAccessor(0, streams * (long)sizeof(long));
    }

    /// <summary>Records that the log call for line <paramref name="index"/> of <paramref name="stream"/> returned (an aligned 8-byte store: never torn).</summary>
    public void Returned(int stream, long index) => _view.Write(stream * (long)sizeof(long), index);

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }
}
