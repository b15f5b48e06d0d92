using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;
using MetaMock.JobLogging.Hangfire.Filters;
using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.JobBench.Logging;
using MetaMock.JobLogging.JobBench.Measurement;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.JobBench.HangfireBench;

/// <summary>
/// One running <c>BackgroundJobServer</c> (<c>WorkerCount = 2</c>) on its own storage (InMemory, or a database of its own
/// on a PostgreSQL server), with Hangfire's global
/// filters (retry, continuations, statistics, culture) and, for <see cref="HangfireVariantKind.With"/>, the filter
/// <c>UseMetaMockJobContext(loggerFactory)</c> registers, in a filter list of its own so two variants share one process.
/// </summary>
internal sealed class HangfireVariant : IBenchVariant
{
    private static readonly Job Trivial = Job.FromExpression(() => TrivialHangfireJob.Run());

    private readonly ServiceProvider _services;
    private readonly JobStorage _storage;
    private readonly BackgroundJobServer _server;
    private readonly BackgroundJobClient _client;
    private readonly DiscardingClient _sink;
    private readonly bool _captures;
    private readonly List<(double Bytes, double Gen0PerThousand, double PauseMicros)> _memory = [];

    private HangfireVariant(HangfireVariantKind kind, ServiceProvider services, JobStorage storage, JobFilterProviderCollection filters, DiscardingClient sink)
    {
        Name = "hangfire-" + kind.ToString().ToLowerInvariant();
        _captures = kind != HangfireVariantKind.WithNothingCaptured;
        _services = services;
        _storage = storage;
        _sink = sink;
        _client = new BackgroundJobClient(storage, filters);
        _server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 2, FilterProvider = filters }, storage);
    }

    public string Name { get; }

    public long LinesDelivered => _sink.Events;

    /// <param name="kind">Which filters run.</param>
    /// <param name="storage">The variant's own storage; null: InMemory.</param>
    public static HangfireVariant Start(HangfireVariantKind kind, JobStorage? storage = null)
    {
        var services = new ServiceCollection();
        var sink = BenchLogging.Add(services);
        var built = services.BuildServiceProvider();

        // Succeeded jobs would otherwise stay in memory for a day, and every round adds 20,000.
        storage ??= new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromSeconds(30) });
        var own = new JobFilterCollection();
        if (kind is HangfireVariantKind.With or HangfireVariantKind.WithNothingCaptured)
        {
            own.Add(new MetaMockJobContextFilter(built.GetRequiredService<ILoggerFactory>(), JobSettings.None));
        }
        else if (kind == HangfireVariantKind.NoOpFilter)
        {
            own.Add(new NoOpFilter());
        }

        var filters = new JobFilterProviderCollection(GlobalJobFilters.Filters, new JobFilterAttributeFilterProvider(), own);
        return new HangfireVariant(kind, built, storage, filters, sink);
    }

    /// <summary>
    /// Enqueues <paramref name="count"/> jobs from a workflow's context (as a request or a parent job does) while the
    /// workers run them, and measures until the last one ran: client and server side together.
    /// </summary>
    public async Task<Rate> RunAsync(int count, string round)
    {
        TrivialHangfireJob.Expect(count);
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0Before = GC.CollectionCount(0);
        var pauseBefore = GC.GetTotalPauseDuration();
        var clock = new RoundClock();
        await Task.Run(() =>
        {
            using var context = _captures ? MetaMockLogContext.BeginContext(new UserContext("42"), new JobContext("wf-" + round, "bench")) : null;
            for (var i = 0; i < count; i++)
            {
                _client.Create(Trivial, new EnqueuedState());
            }
        });
        await TrivialHangfireJob.AllDone.WaitAsync(TimeSpan.FromMinutes(5));
        clock.StopWall();
        _memory.Add((
            (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / (double)count,
            (GC.CollectionCount(0) - gen0Before) * 1000.0 / count,
            (GC.GetTotalPauseDuration() - pauseBefore).TotalMicroseconds / count));

        // A successful job writes no line of the integration's; nothing to wait for beyond what was delivered.
        return clock.Finish(count);
    }

    public async ValueTask DisposeAsync()
    {
        // Allocation barely moves with the neighbours' load, unlike CPU time: the figure to compare variants by. The
        // process-wide counters also include the logging pipeline and the timers of the variants idle meanwhile (tiny).
        if (_memory.Count > 0)
        {
            System.Console.WriteLine(
                $"  {Name,-14} allocated {Stats.Median(_memory.Select(m => m.Bytes)),7:N0} B/job, " +
                $"{Stats.Median(_memory.Select(m => m.Gen0PerThousand)):F2} gen0 GCs per 1,000 jobs, " +
                $"GC pause {Stats.Median(_memory.Select(m => m.PauseMicros)):F1} us/job (medians of {_memory.Count} rounds, warm-ups included)");
        }

        _server.SendStop();
        _server.Dispose();
        (_storage as IDisposable)?.Dispose();
        await _services.DisposeAsync();
    }
}
