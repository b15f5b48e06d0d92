using System.Globalization;
using MetaMock.JobLogging.Configuration;

namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// Turns the spool settings into a claimed slot as the sender starts, or into one line saying why events stay in memory:
/// a spool that cannot be used never stops the process and never costs an event.
/// </summary>
internal static class SpoolSetup
{
    /// <summary>Bytes of records per segment file: the memory segments' size, so both hold the same records.</summary>
    public const int SegmentCapacity = MemorySegmentPool.DefaultCapacity;

    private const string ProbeFileName = "write.probe";

    /// <summary>The smallest <see cref="MetaMockLoggingOptions.MaxSpoolBytes"/> that holds one segment file; below it every append would be refused.</summary>
    public static long SmallestMaxBytes { get; } = FileSegment.FileSize(SegmentCapacity);

    /// <summary>What <c>CLOUDWATCH_SPOOL_MAX_BYTES</c> accepts, for the line that reports a bad value.</summary>
    public static string MaxBytesAccepted { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"a whole number of bytes, at least {SmallestMaxBytes} (one spool segment file: {SegmentCapacity} bytes of records and a {FileSegment.HeaderSize}-byte header)");

    /// <summary>
    /// Null when <see cref="MetaMockLoggingOptions.SpoolDirectory"/> is null; otherwise a claimed slot, after one line to
    /// <paramref name="report"/> naming it. A directory that cannot be created or written (a file in the way, a read-only
    /// file system, no permission, no room for a segment file) gives one line naming the path and the cause, and null.
    /// A relative directory is resolved against the current directory now. Never throws.
    /// </summary>
    public static SpoolSlot? Open(MetaMockLoggingOptions options, Action<string> report)
    {
        if (options.SpoolDirectory is not { } directory)
        {
            return null;
        }

        var root = directory;
        SpoolSlot? slot = null;
        try
        {
            root = Path.GetFullPath(directory);
            if (FileInTheWay(root) is { } file)
            {
                // Said here because creating the directory would only report "could not find a part of the path".
                TryReport(report, Unusable(root, $"{file} is a file, not a directory"));
                return null;
            }

            slot = SpoolDirectory.TryClaim(root, new SpoolLimits(SegmentCapacity, options.MaxSpoolBytes, options.SpoolSync != SpoolSync.None), new SpoolCounters(), report);
            if (slot is null)
            {
                return null; // TryClaim has said why
            }

            ProbeSegmentRoom(slot.Path);
            TryReport(report, StartupReport.Spool(options, slot));
            return slot;
        }
        catch (Exception error)
        {
            var left = slot is { Recovered.Count: > 0 } ? $" The {slot.Recovered.Count} unsent segment file(s) in {root} stay for a later start." : string.Empty;
            slot?.Dispose();
            TryReport(report, Unusable(root, error.Message) + left);
            return null;
        }
    }

    /// <summary>The one line for a spool directory that cannot be used.</summary>
    public static string Unusable(string root, string cause) =>
        $"MetaMock.JobLogging: the spool directory {root} cannot be used ({cause}); events are kept in memory instead.";

    private static string? FileInTheWay(string root)
    {
        for (var path = root; path is not null; path = Path.GetDirectoryName(path))
        {
            if (Directory.Exists(path))
            {
                return null;
            }

            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    // Claiming a slot only creates directories and an empty lock file, which a full disk still allows. A file the size
    // of a segment, allocated the way segments are, proves there is room for the first one: without it every append
    // would be refused as full, and events dropped, where memory segments would have held them.
    private static void ProbeSegmentRoom(string slot)
    {
        var probe = Path.Combine(slot, ProbeFileName);
        try
        {
            using var file = new FileStream(probe, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                PreallocationSize = SmallestMaxBytes,
            });
        }
        finally
        {
            TryDelete(probe);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Not a segment file (no .seg suffix): nothing reads it, and the next start's probe overwrites it.
        }
    }

    private static void TryReport(Action<string> report, string line)
    {
        try
        {
            report(line);
        }
        catch (Exception)
        {
            // The report channel itself failed (a closed console); the process still goes on, on memory segments.
        }
    }
}
