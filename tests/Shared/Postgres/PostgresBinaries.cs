using System.Diagnostics;

namespace MetaMock.JobLogging.Testing.Postgres;

/// <summary>
/// Where the PostgreSQL server programs are (on PATH, else Debian's <c>/usr/lib/postgresql/N/bin</c>, newest first), and
/// how to run them: directly, or through <c>runuser</c> as <see cref="SystemUser"/> when this process is root.
/// </summary>
public sealed class PostgresBinaries
{
    /// <summary>The unprivileged user the server runs as under root (<c>.ci/run</c> creates it on a fresh machine).</summary>
    public const string SystemUser = "pgtest";

    private static readonly Lazy<PostgresBinaries?> Found = new(Locate);

    private readonly string _directory;
    private readonly bool _asSystemUser;

    private PostgresBinaries(string directory, bool asSystemUser)
    {
        _directory = directory;
        _asSystemUser = asSystemUser;
    }

    /// <summary>Why a PostgreSQL test cannot run here, or null when it can: the skip reason of <see cref="PostgresFactAttribute"/>.</summary>
    public static string? MissingReason => Found.Value is null
        ? "PostgreSQL server binaries (initdb, pg_ctl, postgres) are not installed; .ci/run installs them"
        : null;

    /// <summary>The binaries, or null when they are missing. Under root, creates <see cref="SystemUser"/> if it is missing.</summary>
    public static PostgresBinaries? Find() => Found.Value;

    /// <summary>A start for <paramref name="tool"/> with <paramref name="arguments"/>, as the right user.</summary>
    public ProcessStartInfo StartInfo(string tool, IReadOnlyList<string> arguments)
    {
        var program = Path.Combine(_directory, tool);
        var start = _asSystemUser ? new ProcessStartInfo("runuser", ["-u", SystemUser, "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        start.UseShellExecute = false;
        return start;
    }

    private static PostgresBinaries? Locate()
    {
        var directory = Candidates().FirstOrDefault(d => new[] { "initdb", "pg_ctl", "postgres" }.All(t => File.Exists(Path.Combine(d, t))));
        if (directory is null)
        {
            return null;
        }

        var root = Environment.UserName == "root";
        if (root && !UserExists())
        {
            RunQuietly("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SystemUser]);
        }

        return root && !UserExists() ? null : new PostgresBinaries(directory, root);
    }

    private static IEnumerable<string> Candidates()
    {
        foreach (var entry in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            // A PATH entry may hold symlinks into the versioned directory: resolve through initdb itself.
            var initdb = Path.Combine(entry, "initdb");
            if (File.Exists(initdb))
            {
                yield return Path.GetDirectoryName(new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb)!;
            }
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            foreach (var version in Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            {
                yield return Path.Combine(version, "bin");
            }
        }
    }

    private static bool UserExists() => RunQuietly("id", ["-u", SystemUser]) == 0;

    private static int RunQuietly(string program, IReadOnlyList<string> arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is null)
            {
                return -1;
            }

            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
