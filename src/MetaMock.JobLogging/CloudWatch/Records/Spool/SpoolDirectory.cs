using System.Globalization;

namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// The spool's root: one slot directory per process (<c>slot-N</c>), each claimed with an exclusive OS file lock on its
/// lock file, which the OS releases when the process dies however it dies. A claimant takes the first slot whose lock
/// it gets, so a slot a dead process left is adopted and replayed; two live processes never share one. It then takes on
/// every other slot a dead process left segments in (see <see cref="SpoolSlot.Adopt"/>), so none waits for a later start.
/// </summary>
internal static class SpoolDirectory
{
    private const string SlotPrefix = "slot-";

    // What .NET puts in HResult when an open is refused because another handle holds the file's lock: the Windows
    // sharing violation, or on Unix flock's errno EWOULDBLOCK (11 on Linux, 35 on macOS).
    private static readonly int[] LockedResults = [unchecked((int)0x80070020), 11, 35];

    /// <summary>
    /// Claims a slot under <paramref name="root"/>, creating what is missing; null, after one line to
    /// <paramref name="report"/> naming the path and the cause, when the spool cannot be used (the caller then keeps
    /// its events in memory segments).
    /// </summary>
    public static SpoolSlot? TryClaim(string root, SpoolLimits limits, SpoolCounters counters, Action<string> report)
    {
        try
        {
            Directory.CreateDirectory(root);
            var taken = Directory.EnumerateDirectories(root, SlotPrefix + "*")
                .Select(path => int.TryParse(Path.GetFileName(path).AsSpan(SlotPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
                .Where(n => n >= 0)
                .Order()
                .ToList();
            var candidates = taken.Concat(Enumerable.Range(taken.Count == 0 ? 0 : taken[^1] + 1, 64));
            foreach (var number in candidates)
            {
                var slot = SlotPath(root, number);
                Directory.CreateDirectory(slot);
                if (TryLock(slot) is { } lockFile)
                {
                    SpoolSlot claimed;
                    try
                    {
                        claimed = new SpoolSlot(slot, lockFile, limits, counters, report);
                    }
                    catch
                    {
                        lockFile.Dispose(); // a slot that cannot be adopted stays free for a later process
                        throw;
                    }

                    AdoptDeadSlots(taken.Select(n => SlotPath(root, n)).Where(path => path != slot), claimed, limits, counters, report);
                    return claimed;
                }
            }

            throw new IOException("every slot is held by another process");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            report(SpoolSetup.Unusable(root, error.Message));
            return null;
        }
    }

    // A slot no live process holds and whose segments still wait: adopted whole. One that cannot be listed, locked or
    // read stays for a later start, with one line: it never costs the slot already claimed.
    private static void AdoptDeadSlots(IEnumerable<string> others, SpoolSlot claimed, SpoolLimits limits, SpoolCounters counters, Action<string> report)
    {
        foreach (var path in others)
        {
            FileStream? lockFile = null;
            try
            {
                if (!Directory.EnumerateFiles(path, "*" + SpoolSlot.SegmentSuffix).Any() || (lockFile = TryLock(path)) is null)
                {
                    continue;
                }

                var other = new SpoolSlot(path, lockFile, limits, counters, report);
                lockFile = null; // the slot holds it now
                if (other.Recovered.Count > 0)
                {
                    claimed.Adopt(other);
                }
                else
                {
                    other.Dispose();
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                lockFile?.Dispose();
                report($"MetaMock.JobLogging: the spool slot {path} a stopped process left cannot be adopted ({error.Message}); it stays for a later start.");
            }
        }
    }

    private static string SlotPath(string root, int number) => Path.Combine(root, SlotPrefix + number.ToString(CultureInfo.InvariantCulture));

    private static FileStream? TryLock(string slot)
    {
        try
        {
            // FileShare.None takes an exclusive flock on Unix (a share lock on Windows), held until the handle closes.
            return new FileStream(Path.Combine(slot, SpoolSlot.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error) when (LockedResults.Contains(error.HResult))
        {
            return null;
        }
    }
}
