using System.Linq.Expressions;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;
using MetaMock.JobLogging.Hangfire.Filters;
using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests.Support;

/// <summary>
/// One test's Hangfire: its own storage (InMemory unless given one), filter list, client and server, so nothing goes through Hangfire's
/// static GlobalConfiguration and tests can run in parallel. Lines are captured by the shared capturing provider.
/// </summary>
public sealed class HangfireHarness : IDisposable
{
    private readonly JobStorage _storage;
    private readonly JobFilterProviderCollection _filterProvider;
    private readonly List<BackgroundJobServer> _servers = [];
    private readonly bool _ownsLoggerFactory;

    /// <param name="globalFilter">Register the MetaMock filter for every job, as UseMetaMockJobContext does.</param>
    /// <param name="defaults">Settings for that global filter.</param>
    /// <param name="retryAttempts">AutomaticRetry attempts; retries run at once (delay 0).</param>
    /// <param name="loggerFactory">The application's logging, owned by the caller; null: a factory over <see cref="Capture"/>.</param>
    /// <param name="hangfireRetryLines">Let Hangfire's AutomaticRetry write its own lines, as it does by default.</param>
    /// <param name="storage">The storage, owned by the caller; null: a new InMemory storage owned by the harness.</param>
    public HangfireHarness(bool globalFilter = true, MetaMockJobContextOptions? defaults = null, int retryAttempts = 0, ILoggerFactory? loggerFactory = null, bool hangfireRetryLines = false, JobStorage? storage = null)
    {
        _storage = storage ?? new InMemoryStorage();
        _ownsLoggerFactory = loggerFactory is null;
        LoggerFactory = loggerFactory ?? new LoggerFactory([Capture]);
        _filterProvider = new JobFilterProviderCollection(Filters, new JobFilterAttributeFilterProvider());
        Client = new BackgroundJobClient(_storage, _filterProvider);
        Probe = new JobProbe(LoggerFactory.CreateLogger("Job"), Client);

        Filters.Add(new AutomaticRetryAttribute { Attempts = retryAttempts, DelaysInSeconds = [0], LogEvents = hangfireRetryLines });
        Filters.Add(new ContinuationsSupportAttribute(
            [SucceededState.StateName, DeletedState.StateName], new BackgroundJobStateChanger(_filterProvider)));
        if (globalFilter)
        {
            Filters.Add(new MetaMockJobContextFilter(LoggerFactory, defaults?.Settings ?? Identity.JobSettings.None));
        }
    }

    public CapturingLoggerProvider Capture { get; } = new();

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>This test's global filters (Hangfire's GlobalJobFilters stays untouched).</summary>
    public JobFilterCollection Filters { get; } = new();

    public IBackgroundJobClient Client { get; }

    public JobProbe Probe { get; }

    public BackgroundJobServer StartServer(int workerCount = 1)
    {
        var server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = workerCount,
                FilterProvider = _filterProvider,
                Activator = new ProbeActivator(Probe),
                SchedulePollingInterval = TimeSpan.FromMilliseconds(100),
                ShutdownTimeout = TimeSpan.FromSeconds(10),
            },
            _storage);
        _servers.Add(server);
        return server;
    }

    public RecurringJobManager RecurringJobs() => new(_storage, _filterProvider);

    public string Enqueue<T>(Expression<Action<T>> job) => Client.Enqueue(job);

    /// <summary>Enqueues past every client filter, as an older deployment (or another app) sharing the storage would.</summary>
    public string EnqueueUnfiltered<T>(Expression<Action<T>> job) =>
        new BackgroundJobClient(_storage, new JobFilterCollection()).Enqueue(job);

    /// <summary>How many times the job entered a state, from Hangfire's own history.</summary>
    public int TimesIn(string jobId, string state) =>
        _storage.GetMonitoringApi().JobDetails(jobId).History.Count(h => h.StateName == state);

    /// <summary>Stores a job parameter as Hangfire's own <c>SetJobParameter</c> does (JSON, user settings).</summary>
    public void StoreParameter(string jobId, string name, string value)
    {
        using var connection = _storage.GetConnection();
        connection.SetJobParameter(jobId, name, SerializationHelper.Serialize(value, SerializationOption.User));
    }

    public IDictionary<string, string>? StateDataOf(string jobId)
    {
        using var connection = _storage.GetConnection();
        return connection.GetStateData(jobId)?.Data;
    }

    public string Enqueue<T>(Expression<Func<T, Task>> job) => Client.Enqueue(job);

    /// <summary>Lines whose message contains the marker (jobs put their marker in every line).</summary>
    public IReadOnlyList<CapturedLine> Lines(string marker) => Capture.Containing(marker);

    /// <summary>Lines written by this package itself (failures, retries).</summary>
    public IReadOnlyList<CapturedLine> PackageLines(LogLevel level) =>
        Capture.Lines.Where(l => l.Category == "MetaMock.JobLogging.Hangfire" && l.Level == level).ToList();

    public string? StateOf(string jobId)
    {
        using var connection = _storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    public Task WaitForState(string jobId, string state) =>
        Eventually.True(() => StateOf(jobId) == state, $"job {jobId} to be {state} (it is {StateOf(jobId)})");

    public Task WaitForLines(string marker, int count) =>
        Eventually.True(() => Lines(marker).Count >= count, $"{count} line(s) with '{marker}' (have {Lines(marker).Count})");

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }

        (_storage as InMemoryStorage)?.Dispose();
        if (_ownsLoggerFactory)
        {
            LoggerFactory.Dispose();
        }
    }
}
