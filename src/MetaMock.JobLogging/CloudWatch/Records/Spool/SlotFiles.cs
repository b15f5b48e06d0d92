using System.Globalization;

namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>Finding a slot's numbered files, and setting aside one that cannot be read.</summary>
internal static class SlotFiles
{
    public const string SetAsideSuffix = ".unreadable";

    /// <summary>The entries of <paramref name="slot"/> named <c>{sequence}{suffix}</c>, by sequence.</summary>
    public static List<(string Path, long Sequence)> Numbered(string slot, string suffix) =>
        Directory.EnumerateFileSystemEntries(slot, "*" + suffix)
            .Select(path => (Path: path, Sequence: long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1))
            .Where(entry => entry.Sequence >= 0)
            .OrderBy(entry => entry.Sequence)
            .ToList();

    /// <summary>Renames <paramref name="path"/> out of the way (<see cref="SetAsideSuffix"/>), with one line saying why.</summary>
    public static void SetAside(string path, Exception error, Action<string> report)
    {
        var aside = path + SetAsideSuffix;
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Move(path, aside);
            }
            else
            {
                File.Move(path, aside, overwrite: true);
            }

            report($"MetaMock.JobLogging: {path} cannot be read ({error.Message}); renamed to {aside}.");
        }
        catch (Exception moveError) when (moveError is IOException or UnauthorizedAccessException)
        {
            report($"MetaMock.JobLogging: {path} cannot be read ({error.Message}) nor renamed ({moveError.Message}); it is left as it is.");
        }
    }
}
