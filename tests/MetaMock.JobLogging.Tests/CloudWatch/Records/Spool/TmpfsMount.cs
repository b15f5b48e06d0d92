using System.Diagnostics;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

/// <summary>A small tmpfs (needs root, as the suite runs here): a real full disk or read-only file system.</summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    public static TmpfsMount Create(string parent, string options)
    {
        var path = System.IO.Path.Combine(parent, "mnt");
        Directory.CreateDirectory(path);
        var error = Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        Assert.True(error is null, $"{error} (these tests need root to mount a tmpfs)");
        return new TmpfsMount(path);
    }

    /// <summary>Null when a tmpfs can be mounted here, else why not (tried once, with a mount of its own).</summary>
    public static string? MissingReason => Probe.Value;

    public void Dispose() => Run("umount", "-l", Path);

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
