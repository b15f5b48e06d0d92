using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MetaMock.JobLogging.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster on a free 127.0.0.1 port in a temp directory (no fsync: seconds to start), stopped and
/// deleted on <see cref="Dispose"/>, also when the start fails half-way. The server refuses to run as root, so under
/// root it runs as the unprivileged <see cref="PostgresBinaries.SystemUser"/>.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly PostgresBinaries _binaries;
    private readonly string _directory;
    private bool _started;

    private PostgresServer(PostgresBinaries binaries, string directory, int port)
    {
        _binaries = binaries;
        _directory = directory;
        Port = port;
    }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The server's own log file (what it printed, for a failing test's message).</summary>
    public string LogFile => Path.Combine(_directory, "server.log");

    /// <summary>A connection string to database <paramref name="database"/> as the superuser <c>postgres</c> (trust auth).</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database};Timeout=30;Command Timeout=60";

    /// <summary>
    /// Initialises and starts a cluster; <paramref name="settings"/> are extra <c>name=value</c> server settings
    /// (<c>shared_preload_libraries=pg_stat_statements</c>). Throws if the binaries are missing (check
    /// <see cref="PostgresBinaries.MissingReason"/> first) or the server does not start.
    /// </summary>
    public static PostgresServer Start(params string[] settings)
    {
        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.MissingReason);
        var directory = Directory.CreateTempSubdirectory("metamock-pg-").FullName;
        // The server's user must be able to create its data directory, log and socket here.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The throwaway PostgreSQL runs on Linux only.");
        }

        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        var server = new PostgresServer(binaries, directory, FreePort());
        try
        {
            server.Run("initdb", ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            var options = string.Join(' ', new[]
            {
                "-c listen_addresses=127.0.0.1", $"-p {server.Port.ToString(CultureInfo.InvariantCulture)}", $"-k {directory}",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300",
            }.Concat(settings.Select(s => $"-c {s}")));
            server._started = true;
            server.Run("pg_ctl", ["-D", server.DataDirectory, "-l", server.LogFile, "-w", "-t", "60", "-o", options, "start"]);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server at once (no checkpoint: the data is thrown away) and deletes its directory.</summary>
    public void Dispose()
    {
        if (_started)
        {
            try
            {
                Run("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Not running (a failed start): nothing to stop.
            }

            _started = false;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    // Free when asked; another process could take it before the server binds it (the start then fails loudly).
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string tool, IReadOnlyList<string> arguments)
    {
        var start = _binaries.StartInfo(tool, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within 120 s.");
        }

        if (process.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? File.ReadAllText(LogFile) : string.Empty;
            throw new InvalidOperationException(
                $"{tool} exited with code {process.ExitCode}: {output.Result}{error.Result}{log}");
        }
    }
}
