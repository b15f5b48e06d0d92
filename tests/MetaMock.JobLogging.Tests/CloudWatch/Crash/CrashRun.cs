using System.Buffers.Binary;
using System.Globalization;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Tests.CloudWatch.Crash;

/// <summary>
/// The crash worker (tests/MetaMock.JobLogging.CrashWorker) run against moto with its own log group, spool directory
/// and progress file. Every process it starts is ended on <see cref="Dispose"/>, and the directory deleted.
/// </summary>
internal sealed class CrashRun : IDisposable
{
    public const int Streams = 1000;

    /// <summary>Writer threads in the worker: each can be half-way through one record when the kill lands.</summary>
    public const int Threads = 2;

    // The worker's own bounds: up to 120 s waiting for the sender to be quiet, then up to 60 s of shutdown delivery.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);
    private static readonly string WorkerDll = Path.Combine(AppContext.BaseDirectory, "MetaMock.JobLogging.CrashWorker.dll");

    private readonly MotoServer _moto;
    private readonly string _format;
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("metamock-crash-");
    private readonly List<ChildProcess> _children = [];

    public CrashRun(MotoServer moto, LogFormat format)
    {
        _moto = moto;
        _format = format.ToString().ToLowerInvariant();
    }

    public string Group { get; } = WireClients.UniqueGroup("crash");

    /// <summary>Segment files in the spool's slots now (docs/spool.md: a segment's file goes once all it holds is settled).</summary>
    public int SegmentFiles => Directory.Exists(SpoolPath) ? Directory.EnumerateFiles(SpoolPath, "*.seg", SearchOption.AllDirectories).Count() : 0;

    private string ProgressPath => Path.Combine(_root.FullName, "progress");

    private string SpoolPath => Path.Combine(_root.FullName, "spool");

    /// <summary>Starts the worker logging (until killed, or <paramref name="linesPerStream"/> lines per stream) and waits until it logs.</summary>
    public async Task<ChildProcess> StartLoggingAsync(long? linesPerStream = null)
    {
        File.WriteAllBytes(ProgressPath, Enumerable.Repeat((byte)0xFF, Streams * sizeof(long)).ToArray()); // -1: no line yet
        List<string> arguments = [.. Common("log"), "--progress", ProgressPath, "--streams", Text(Streams), "--threads", Text(Threads)];
        if (linesPerStream is { } count)
        {
            arguments.AddRange(["--count", Text(count)]);
        }

        return await StartAsync("log", arguments, "logging");
    }

    /// <summary>Starts the worker on the same spool with nothing new to log, and waits until it has delivered and exited.</summary>
    public async Task<ChildProcess> DrainAsync()
    {
        var drain = await StartAsync("drain", Common("drain"), "draining");
        await ExitedAsync(drain);
        return drain;
    }

    /// <summary>Waits for a worker to exit on its own; fails with what it printed unless it exits 0.</summary>
    public static async Task ExitedAsync(ChildProcess child)
    {
        var code = await child.WaitForExitAsync(Patience);
        Assert.True(code == 0, $"{child.Name} exited with {code}:\n{child.Output}");
    }

    /// <summary>Per stream, the last line index whose log call returned (-1: none), as the worker left it in the page cache.</summary>
    public long[] ReadProgress()
    {
        var bytes = File.ReadAllBytes(ProgressPath);
        return [.. Enumerable.Range(0, Streams).Select(s => BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(s * sizeof(long))))];
    }

    /// <summary>The counters of the worker's last <c>diagnostics</c> line (name=value; drops as <c>dropped.REASON</c>).</summary>
    public static IReadOnlyDictionary<string, long> Diagnostics(ChildProcess child)
    {
        var line = child.Output.Split('\n').LastOrDefault(l => l.StartsWith("diagnostics ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{child.Name} printed no diagnostics:\n{child.Output}");
        return line.Split(' ').Skip(1).Select(pair => pair.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    public async Task<StreamAudit> AuditAsync(IReadOnlyList<long> progress, DateTimeOffset from, DateTimeOffset to)
    {
        using var reader = new MotoLogsReader(_moto.Endpoint);
        return await StreamAudit.ReadAsync(reader, Group, progress, from, to);
    }

    public void Dispose()
    {
        foreach (var child in _children)
        {
            child.Kill(); // the worker has no graceful stop to wait for
            child.Dispose();
        }

        _root.Delete(recursive: true);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private List<string> Common(string mode) =>
        [mode, "--endpoint", _moto.Endpoint.ToString(), "--group", Group, "--spool", SpoolPath, "--format", _format];

    private async Task<ChildProcess> StartAsync(string mode, IEnumerable<string> arguments, string readyLine)
    {
        var child = ChildProcess.Start($"crash worker ({mode})", WorkerDll, arguments, readyLine);
        _children.Add(child);
        await child.WaitReadyAsync(Patience);
        return child;
    }
}
