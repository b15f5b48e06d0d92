using System.Diagnostics;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

/// <summary>
/// A mount made for a test (needs root, as the suite runs here): a small tmpfs is a real full disk or read-only file
/// system; a file bound over another is a file that cannot be deleted (EBUSY).
/// </summary>
internal sealed class TestMount : IDisposable
{
    private TestMount(string path) => Path = path;

    public string Path { get; }

    public static TestMount Tmpfs(string parent, string options)
    {
        var path = System.IO.Path.Combine(parent, "mnt");
        Directory.CreateDirectory(path);
        return Mount(path, "-t", "tmpfs", "-o", options, "tmpfs", path);
    }

    public static TestMount Bind(string source, string target) => Mount(target, "--bind", source, target);

    /// <summary>Null when a tmpfs can be mounted here, else why not (tried once, with a mount of its own).</summary>
    public static string? MissingReason => Probe.Value;

    public void Dispose() => Run("umount", "-l", Path);

    private static TestMount Mount(string path, params string[] args)
    {
        var error = Run("mount", args);
        Assert.True(error is null, $"{error} (these tests need root to mount)");
        return new TestMount(path);
    }

    private static readonly Lazy<string?> Probe = new(() =>
    {
        if (!OperatingSystem.IsLinux())
        {
            return "a tmpfs is mounted on Linux only";
        }

        var path = Directory.CreateTempSubdirectory("tmpfs-probe-").FullName;
        try
        {
            return Run("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", path) ?? Run("umount", path);
        }
        finally
        {
            Directory.Delete(path);
        }
    });

    /// <summary>Runs a command; null when it succeeded, else the command and its error.</summary>
    private static string? Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{command} {string.Join(' ', args)}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return $"{command}: {error.Message}";
        }
    }
}
