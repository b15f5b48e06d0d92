using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using MetaMock.JobLogging.Fleet.Worker;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Testing.Postgres;

namespace MetaMock.JobLogging.Fleet.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL and moto, both schemas installed once, and three workers: w1 reads queue w1 only, w2 and w3
/// read their own queue and <c>default</c>, each with a spool directory of its own that a restarted worker adopts.
/// Everything is stopped (and the spools deleted) on <see cref="Dispose"/>, also when the start fails.
/// </summary>
public sealed class WorkerFleet : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private static readonly string WorkerDll = Path.Combine(
        AppContext.BaseDirectory.Replace("MetaMock.JobLogging.Fleet.Tests", "MetaMock.JobLogging.Fleet.Worker", StringComparison.Ordinal),
        "MetaMock.JobLogging.Fleet.Worker.dll");

    private static readonly Dictionary<string, string> Queues = new(StringComparer.Ordinal)
    {
        ["w1"] = "w1",
        ["w2"] = "w2,default",
        ["w3"] = "w3,default",
    };

    private readonly List<IDisposable> _owned = [];
    private readonly Dictionary<string, ChildProcess> _workers = new(StringComparer.Ordinal);
    private readonly string _spools = Path.Combine(Path.GetTempPath(), $"fleet-spools-{Guid.NewGuid():N}");

    public WorkerFleet()
    {
        try
        {
            Postgres = Own(PostgresServer.Start());
            Moto = Own(MotoServer.Start());
            Logs = Own(new MotoLogsReader(Moto.Endpoint));
            Install();
            var started = Queues.Select(w => StartWorker(w.Key, w.Value)).ToList();
            Task.WhenAll(started.Select(w => w.WaitReadyAsync(StartTimeout))).GetAwaiter().GetResult();
            var options = FleetSettings.Hangfire(installSchema: false);
            Storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(Connection, options), options);
            Client = new BackgroundJobClient(Storage);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public PostgresServer Postgres { get; } = null!;

    public MotoServer Moto { get; } = null!;

    public MotoLogsReader Logs { get; } = null!;

    public string Group { get; } = $"fleet-{Guid.NewGuid():N}";

    public string Connection => Postgres.ConnectionString();

    public JobStorage Storage { get; } = null!;

    /// <summary>A Hangfire client in this process; MetaMock's filter captures the enqueuer's context (see <see cref="FleetClient"/>).</summary>
    public IBackgroundJobClient Client { get; } = null!;

    public ChildProcess Worker(string name) => _workers[name];

    /// <summary>Starts a fresh process in place of worker <paramref name="name"/> (after a kill) and waits until it is up.</summary>
    public async Task RestartAsync(string name)
    {
        _workers[name].Dispose();
        await StartWorker(name, Queues[name]).WaitReadyAsync(StartTimeout);
    }

    /// <summary>What every worker printed, for a failing test's message.</summary>
    public string Output => string.Join("\n", _workers.Values.Select(w => $"--- {w.Name}\n{w.Output}"));

    public void Dispose()
    {
        foreach (var worker in _workers.Values)
        {
            worker.Dispose();
        }

        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        if (Directory.Exists(_spools))
        {
            Directory.Delete(_spools, recursive: true);
        }
    }

    private void Install()
    {
        using var installer = ChildProcess.Start("installer", WorkerDll, ["--install", "--connection", Connection], "installed");
        installer.WaitReadyAsync(StartTimeout).GetAwaiter().GetResult();
        var code = installer.WaitForExitAsync(StartTimeout).GetAwaiter().GetResult();
        if (code != 0)
        {
            throw new InvalidOperationException($"the schema installer exited with {code}:\n{installer.Output}");
        }
    }

    private ChildProcess StartWorker(string name, string queues)
    {
        var worker = ChildProcess.Start(
            name,
            WorkerDll,
            ["--name", name, "--connection", Connection, "--queues", queues, "--endpoint", Moto.Endpoint.ToString(), "--group", Group, "--spool", Path.Combine(_spools, name)],
            "ready");
        _workers[name] = worker;
        return worker;
    }

    private T Own<T>(T item)
        where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }
}
