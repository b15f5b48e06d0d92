namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

/// <summary>
/// A directory nothing can be written to: a read-only tmpfs when the tests run as root (root writes through a chmod),
/// else a directory with its write bits cleared.
/// </summary>
internal sealed class ReadOnlyDirectory : IDisposable
{
    private readonly TestMount? _mount;

    private ReadOnlyDirectory(string path, TestMount? mount)
    {
        Path = path;
        _mount = mount;
    }

    public string Path { get; }

    /// <summary>Null when a read-only directory can be made here, else why not.</summary>
    public static string? MissingReason =>
        OperatingSystem.IsWindows() ? "a read-only directory is made with Unix file modes or a tmpfs mount"
        : Environment.IsPrivilegedProcess && TestMount.MissingReason is { } reason
            ? $"running as root, where a chmod does not stop writes, and a read-only tmpfs cannot be mounted ({reason})"
        : null;

    public static ReadOnlyDirectory Create(string parent)
    {
        if (Environment.IsPrivilegedProcess)
        {
            var mount = TestMount.Tmpfs(parent, "ro,size=64k");
            return new ReadOnlyDirectory(mount.Path, mount);
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(MissingReason);
        }

        var path = System.IO.Path.Combine(parent, "read-only");
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return new ReadOnlyDirectory(path, null);
    }

    public void Dispose()
    {
        if (_mount is null && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            _mount?.Dispose();
        }
    }
}
